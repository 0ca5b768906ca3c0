namespace PolicySearch.Search.Tests;

public sealed class FilterAndFacetTests(SeedIndexFixture fixture) : IClassFixture<SeedIndexFixture>
{
    private readonly SeedIndex _seed = fixture.Seed;

    private Task<SearchResponse> SearchAsync(SearchRequest request) => _seed.Index.SearchAsync(request);

    [Fact]
    public async Task Facets_count_the_whole_matching_set()
    {
        var response = await SearchAsync(new SearchRequest { Query = "samverkan", Mode = SearchMode.Keyword, Top = 3 });

        Assert.Equal(3, response.Hits.Count);
        Assert.True(response.Total > 3);
        Assert.Equal(response.Total, response.Facets.DocumentType.Sum(f => f.Count));
        Assert.Equal(response.Total, response.Facets.Body.Sum(f => f.Count));
        Assert.Contains(response.Facets.Year, f => f.Value == "2018");
    }

    [Fact]
    public async Task Body_filter_keeps_only_that_bodys_passages_and_facets_follow()
    {
        var response = await SearchAsync(new SearchRequest { Query = "samverkan", Mode = SearchMode.Keyword, Body = "Socialnämnden", Top = 50 });

        Assert.NotEmpty(response.Hits);
        Assert.All(response.Hits, h => Assert.Contains("Socialnämnden", h.Citation, StringComparison.Ordinal));
        var body = Assert.Single(response.Facets.Body);
        Assert.Equal("Socialnämnden", body.Value);
    }

    [Fact]
    public async Task Filter_values_ignore_case_also_in_Swedish_letters_and_count_as_the_facet_did()
    {
        var unfiltered = await SearchAsync(new SearchRequest { Query = "samverkan", Mode = SearchMode.Keyword });
        var facet = unfiltered.Facets.Body.First(f => f.Value.Any(c => "åäöÅÄÖ".Contains(c, StringComparison.Ordinal)));

        var filtered = await SearchAsync(new SearchRequest { Query = "samverkan", Mode = SearchMode.Keyword, Body = facet.Value.ToUpperInvariant() });

        Assert.Equal(facet.Count, filtered.Total);
        Assert.Equal(facet.Value, Assert.Single(filtered.Facets.Body).Value);
    }

    [Fact]
    public async Task Type_and_date_filters_apply()
    {
        var typed = await SearchAsync(new SearchRequest { Query = "samverkan", Mode = SearchMode.Keyword, DocumentType = "tjänsteutlåtande", Top = 50 });
        var dated = await SearchAsync(new SearchRequest { Query = "samverkan", Mode = SearchMode.Keyword, From = new DateOnly(2018, 1, 1), To = new DateOnly(2018, 12, 31), Top = 50 });

        Assert.NotEmpty(typed.Hits);
        Assert.All(typed.Hits, h => Assert.Equal("tjänsteutlåtande", h.DocumentType));
        Assert.NotEmpty(dated.Hits);
        Assert.All(dated.Hits, h => Assert.StartsWith("2018-", h.Date, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Party_filter_matches_joint_speakers_by_abbreviation()
    {
        var response = await SearchAsync(new SearchRequest { Query = "trygghet", Mode = SearchMode.Keyword, Party = "V", Top = 50 });

        Assert.NotEmpty(response.Hits);
        Assert.All(response.Hits, h => Assert.Contains("V", h.Speaker.Party!.Split(','), StringComparer.Ordinal));
    }

    [Fact]
    public async Task Paging_continues_where_the_previous_page_ended()
    {
        var first = await SearchAsync(new SearchRequest { Query = "samverkan", Mode = SearchMode.Keyword, Top = 5 });
        var second = await SearchAsync(new SearchRequest { Query = "samverkan", Mode = SearchMode.Keyword, Top = 5, Offset = 5 });
        var both = await SearchAsync(new SearchRequest { Query = "samverkan", Mode = SearchMode.Keyword, Top = 10 });

        Assert.Equal(both.Hits.Select(h => h.PassageId), first.Hits.Concat(second.Hits).Select(h => h.PassageId));
    }
}
