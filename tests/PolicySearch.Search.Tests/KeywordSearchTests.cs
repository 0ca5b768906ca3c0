namespace PolicySearch.Search.Tests;

public sealed class KeywordSearchTests : IAsyncLifetime
{
    private SeedIndex _seed = null!;

    public async Task InitializeAsync() => _seed = await SeedIndex.IndexedAsync();

    public async Task DisposeAsync() => await _seed.DisposeAsync();

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
}
