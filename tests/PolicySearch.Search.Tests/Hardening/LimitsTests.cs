namespace PolicySearch.Search.Tests.Hardening;

/// <summary>The search layer guards absurd paging and query length itself (callers other than the API skip its validation).</summary>
public sealed class LimitsTests(SeedIndexFixture fixture) : IClassFixture<SeedIndexFixture>
{
    /// <summary>Words common in the seed corpus: passages holding any of them match, well over a page's worth.</summary>
    private const string Frequent = "nämnden förvaltningen staden kommunen beslut";
    private readonly SearchOptions _options = new();
    private readonly SeedIndex _seed = fixture.Seed;

    [Fact]
    public async Task Top_is_clamped_to_max_top()
    {
        var response = await SearchAsync(top: int.MaxValue, offset: 0);

        Assert.True(response.Total > _options.MaxTop, $"'{Frequent}' should match more than {_options.MaxTop} passages, matched {response.Total}");
        Assert.Equal(_options.MaxTop, response.Hits.Count);
    }

    [Fact]
    public async Task Negative_top_gives_no_hits_and_negative_offset_is_the_first_page()
    {
        Assert.Empty((await SearchAsync(top: int.MinValue, offset: 0)).Hits);
        Assert.Equal(Ids(await SearchAsync(top: 10, offset: 0)), Ids(await SearchAsync(top: 10, offset: int.MinValue)));
    }

    [Fact]
    public async Task Offset_beyond_the_result_window_is_the_windows_last_page()
    {
        var beyond = await SearchAsync(top: 10, offset: int.MaxValue);
        var last = await SearchAsync(top: 10, offset: _options.MaxResultWindow - 10);

        Assert.Equal(Ids(last), Ids(beyond));
        Assert.Equal(last.Total, beyond.Total);
    }

    [Fact]
    public async Task Over_long_query_is_cut_to_max_query_length_not_rejected()
    {
        string query = string.Concat(Enumerable.Repeat(Frequent + " ", 50_000));

        var response = await _seed.Index.SearchAsync(new SearchRequest { Query = query, Mode = SearchMode.Hybrid });

        Assert.True(response.Interpretation.Topic.Length <= _options.MaxQueryLength);
        Assert.NotEmpty(response.Hits);
    }

    private Task<SearchResponse> SearchAsync(int top, int offset) =>
        _seed.Index.SearchAsync(new SearchRequest { Query = Frequent, Mode = SearchMode.Keyword, Top = top, Offset = offset });

    private static List<string> Ids(SearchResponse response) => response.Hits.Select(h => h.PassageId).ToList();
}
