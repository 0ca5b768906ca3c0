namespace PolicySearch.Search.Tests.Embedding;

/// <summary>Hybrid search with the local model: what the keyword side found leads, and facets describe what is returned.</summary>
public sealed class HybridRankingTests
{
    [Fact]
    public async Task Under_every_body_facet_the_first_hit_has_the_query_word_and_counts_match_the_results()
    {
        await using var index = await EmbeddedIndex.IndexedAsync();
        var all = await index.SearchAsync("kameraövervakning", SearchMode.Hybrid);
        Assert.NotEmpty(all.Facets.Body);

        foreach (var body in all.Facets.Body)
        {
            var request = new SearchRequest { Query = "kameraövervakning", Body = body.Value, Top = 100 };
            var filtered = await index.Index.SearchAsync(request);
            var keyword = await index.Index.SearchAsync(request with { Mode = SearchMode.Keyword });

            // A facet promises results: choosing it gives exactly as many as it said.
            Assert.Equal(body.Count, filtered.Total);
            Assert.Equal(filtered.Total, filtered.Hits.Count);
            if (keyword.Hits.Count > 0)
                Assert.Contains("kamera", filtered.Hits[0].Text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Hybrid_keeps_only_semantic_candidates_near_the_best_one()
    {
        await using var index = await EmbeddedIndex.IndexedAsync();
        var semantic = await index.Index.SearchAsync(new SearchRequest { Query = "kameraövervakning", Mode = SearchMode.Semantic, Top = 100 });
        var hybrid = await index.Index.SearchAsync(new SearchRequest { Query = "kameraövervakning", Top = 100 });

        // Semantic mode ranks every passage; hybrid drops the distant ones instead of listing them after the matches.
        Assert.True(hybrid.Total < semantic.Total, $"hybrid {hybrid.Total}, semantic {semantic.Total}");
        Assert.Equal(hybrid.Total, hybrid.Facets.Body.Sum(b => b.Count));
    }
}
