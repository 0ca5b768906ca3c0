namespace PolicySearch.Search.Tests;

public sealed class KeywordSearchTests(SeedIndexFixture fixture) : IClassFixture<SeedIndexFixture>
{
    private readonly SeedIndex _seed = fixture.Seed;

    [Fact]
    public async Task Keyword_finds_passages_holding_the_word_with_highlights_on_it()
    {
        var response = await _seed.SearchAsync("kameraövervakning", SearchMode.Keyword);

        Assert.NotEmpty(response.Hits);
        var first = response.Hits[0];
        Assert.Contains("kameraövervakning", first.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(first.Highlights, h => first.Text[h.Start..h.End].Contains("kameraövervakning", StringComparison.OrdinalIgnoreCase));
        Assert.True(response.Total >= response.Hits.Count);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("\"unbalanced quote")]
    [InlineData("(kamera OR")]
    [InlineData("NEAR(kamera polis, 2)")]
    [InlineData("title:polis")]
    [InlineData("^polis")]
    [InlineData("*")]
    [InlineData("-")]
    [InlineData("-polis")]
    [InlineData("polis AND NOT")]
    [InlineData("\u0000\u200b\u202e")]
    [InlineData("\ud800 polis")]
    [InlineData("''; DROP TABLE passages; --")]
    [InlineData("")]
    public async Task Hostile_query_text_is_answered_never_thrown(string query)
    {
        var response = await _seed.SearchAsync(query, SearchMode.Keyword);

        Assert.NotNull(response.Hits);
        Assert.Equal(5, (await _seed.Index.GetStatsAsync()).Documents);
    }

    [Fact]
    public async Task Exclusion_removes_passages_with_the_word()
    {
        var all = await _seed.SearchAsync("polisen", SearchMode.Keyword, top: 50);
        var without = await _seed.SearchAsync("polisen -samverkan", SearchMode.Keyword, top: 50);

        static bool HasWord(string text) => System.Text.RegularExpressions.Regex.IsMatch(text, @"\bsamverkan\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        Assert.Contains(all.Hits, h => HasWord(h.Text));
        Assert.NotEmpty(without.Hits);
        Assert.DoesNotContain(without.Hits, h => HasWord(h.Text));
    }

    [Fact]
    public async Task Phrase_matches_only_adjacent_words_in_order()
    {
        var phrase = await _seed.SearchAsync("\"våldsbejakande extremism\"", SearchMode.Keyword, top: 50);
        var reversed = await _seed.SearchAsync("\"extremism våldsbejakande\"", SearchMode.Keyword, top: 50);

        Assert.NotEmpty(phrase.Hits);
        Assert.All(phrase.Hits, h => Assert.Contains("våldsbejakande extremism", h.Text, StringComparison.OrdinalIgnoreCase));
        Assert.Empty(reversed.Hits);
        Assert.Equal("\"våldsbejakande extremism\"", phrase.Interpretation.Topic);
    }

    [Fact]
    public async Task Prefix_matches_words_starting_with_it_and_highlights_them()
    {
        var response = await _seed.SearchAsync("kameraöverv*", SearchMode.Keyword, top: 20);

        Assert.NotEmpty(response.Hits);
        Assert.All(response.Hits, h =>
        {
            Assert.Contains("kameraöverv", h.Text, StringComparison.OrdinalIgnoreCase);
            Assert.All(h.Highlights, r => Assert.StartsWith("kameraöverv", h.Text[r.Start..r.End], StringComparison.OrdinalIgnoreCase));
        });
    }

    [Fact]
    public async Task Passages_holding_every_word_rank_above_partial_matches()
    {
        var response = await _seed.SearchAsync("trygghetsfond socialtjänstens", SearchMode.Keyword, top: 10);

        Assert.True(response.Hits.Count > 1);
        var first = response.Hits[0].Text;
        Assert.Contains("trygghetsfond", first, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("socialtjänstens", first, StringComparison.OrdinalIgnoreCase);
        // Partial matches still come back after it.
        Assert.Contains(response.Hits.Skip(1), h => !h.Text.Contains("trygghetsfond", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("Dnr KS 2019/1899", "KS 2019/1899")]
    [InlineData("HV 2020/786", "HV 2020/786")]
    [InlineData("1.7.1-563/2017", "1.7.1-563/2017")]
    public async Task Identifier_finds_its_document_first(string query, string dnr)
    {
        var response = await _seed.SearchAsync(query, SearchMode.Keyword);

        Assert.Equal(dnr, response.Hits[0].Dnr);
        Assert.Contains("Dnr " + dnr, response.Hits[0].Citation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Motion_number_only_in_the_title_finds_its_document()
    {
        var response = await _seed.SearchAsync("2017:54", SearchMode.Keyword);

        var document = await _seed.Index.GetDocumentAsync(response.Hits[0].DocumentId);
        Assert.Contains("2017:54", document!.MotionNumbers.Concat([document.Title]), StringComparer.Ordinal);
    }

    [Fact]
    public async Task Highlights_cover_exactly_the_matched_words()
    {
        var response = await _seed.SearchAsync("trygghetsfond", SearchMode.Keyword);

        Assert.All(response.Hits, h =>
        {
            Assert.NotEmpty(h.Highlights);
            Assert.All(h.Highlights, r => Assert.Equal("trygghetsfond", h.Text[r.Start..r.End], ignoreCase: true));
        });
    }

    [Fact]
    public async Task Without_embeddings_hybrid_and_semantic_answer_as_keyword()
    {
        var keyword = await _seed.SearchAsync("samverkan polisen", SearchMode.Keyword);
        var hybrid = await _seed.SearchAsync("samverkan polisen", SearchMode.Hybrid);
        var semantic = await _seed.SearchAsync("samverkan polisen", SearchMode.Semantic);

        Assert.NotEmpty(keyword.Hits);
        Assert.Equal(keyword.Hits.Select(h => h.PassageId), hybrid.Hits.Select(h => h.PassageId));
        Assert.Equal(keyword.Hits.Select(h => h.PassageId), semantic.Hits.Select(h => h.PassageId));
        Assert.Equal(keyword.Total, semantic.Total);
    }
}
