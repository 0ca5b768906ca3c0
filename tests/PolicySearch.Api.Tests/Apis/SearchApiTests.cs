using System.Net;
using System.Text.Json;

namespace PolicySearch.Api.Tests.Apis;

public sealed class SearchApiTests(PolicySearchApplication app) : IClassFixture<PolicySearchApplication>
{
    [Fact]
    public async Task Search_returns_the_contract_shape_with_cited_highlighted_passages()
    {
        var client = await app.CreateReadyClientAsync();

        var (status, body) = await client.GetJsonAsync("/api/search?q=kameraövervakning");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["facets", "hits", "interpretation", "mode", "query", "tookMs", "total"], body.PropertyNames());
        Assert.Equal("kameraövervakning", body.Str("query"));
        Assert.Equal("hybrid", body.Str("mode"));
        Assert.Equal(["expansions", "speaker", "topic"], body.GetProperty("interpretation").PropertyNames());
        Assert.Equal(["body", "documentType", "party", "year"], body.GetProperty("facets").PropertyNames());

        var hits = body.GetProperty("hits").EnumerateArray().ToList();
        Assert.NotEmpty(hits);
        Assert.True(body.GetProperty("total").GetInt32() >= hits.Count);
        var hit = hits[0];
        Assert.Equal(
            ["citation", "date", "dnr", "documentId", "documentTitle", "documentType", "highlights", "page", "passageId",
             "score", "section", "speaker", "text"],
            hit.PropertyNames());
        Assert.Equal(["kind", "name", "party"], hit.GetProperty("speaker").PropertyNames());
        Assert.Contains(hit.GetProperty("speaker").Str("kind"), new[] { "nämnd", "förvaltning", "party", "person" });
        Assert.False(string.IsNullOrWhiteSpace(hit.Str("citation")));

        string text = hit.Str("text");
        var highlighted = hit.GetProperty("highlights").EnumerateArray()
            .Select(h => text[h.GetProperty("start").GetInt32()..h.GetProperty("end").GetInt32()])
            .ToList();
        Assert.Contains(highlighted, h => h.StartsWith("kamera", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_question_naming_a_nämnd_is_understood()
    {
        var client = await app.CreateReadyClientAsync();

        var (status, body) = await client.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("Vad sa Skärholmens stadsdelsnämnd om SIG?"));

        Assert.Equal(HttpStatusCode.OK, status);
        var interpretation = body.GetProperty("interpretation");
        Assert.Contains("Skärholm", interpretation.GetProperty("speaker").Str("name"), StringComparison.Ordinal);
        Assert.Contains("SIG", interpretation.Str("topic"), StringComparison.Ordinal);
        Assert.NotEmpty(body.GetProperty("hits").EnumerateArray());
    }

    [Theory]
    [InlineData("keyword")]
    [InlineData("hybrid")]
    public async Task Keyword_and_hybrid_modes_find_and_echo_the_mode(string mode)
    {
        var client = await app.CreateReadyClientAsync();

        var (status, body) = await client.GetJsonAsync($"/api/search?q=trygghet&mode={mode}&top=3");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(mode, body.Str("mode"));
        Assert.Equal(3, body.GetProperty("hits").GetArrayLength());
    }

    [Fact]
    public async Task Semantic_mode_finds_passages_whenever_the_index_has_vectors()
    {
        var client = await app.CreateReadyClientAsync();
        var (_, stats) = await client.GetJsonAsync("/api/stats");

        var (status, body) = await client.GetJsonAsync("/api/search?q=trygghet&mode=semantic&top=3");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("semantic", body.Str("mode"));
        Assert.Equal(stats.GetProperty("vectors").GetInt32() > 0, body.GetProperty("hits").GetArrayLength() > 0);
    }

    [Fact]
    public async Task A_body_filter_from_the_facets_gives_exactly_that_facet_count()
    {
        var client = await app.CreateReadyClientAsync();
        var (_, all) = await client.GetJsonAsync("/api/search?q=trygghet&mode=keyword&top=100");
        var facet = all.GetProperty("facets").GetProperty("body").EnumerateArray().Last();

        var (status, filtered) = await client.GetJsonAsync(
            $"/api/search?q=trygghet&mode=keyword&top=100&body={Uri.EscapeDataString(facet.Str("value"))}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(facet.GetProperty("count").GetInt32(), filtered.GetProperty("total").GetInt32());
        Assert.True(filtered.GetProperty("total").GetInt32() <= all.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_date_range_outside_the_corpus_finds_nothing()
    {
        var client = await app.CreateReadyClientAsync();

        var (status, body) = await client.GetJsonAsync("/api/search?q=trygghet&from=2090-01-01&to=2099-12-31");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, body.GetProperty("total").GetInt32());
        Assert.Equal(0, body.GetProperty("hits").GetArrayLength());
    }

    [Fact]
    public async Task Paging_past_the_end_gives_no_hits_and_the_same_total()
    {
        var client = await app.CreateReadyClientAsync();
        var (_, first) = await client.GetJsonAsync("/api/search?q=trygghet&mode=keyword");
        int total = first.GetProperty("total").GetInt32();

        var (status, beyond) = await client.GetJsonAsync($"/api/search?q=trygghet&mode=keyword&offset={total}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(total, beyond.GetProperty("total").GetInt32());
        Assert.Equal(0, beyond.GetProperty("hits").GetArrayLength());
    }

    [Fact]
    public async Task Swedish_letters_are_written_as_is_in_the_json()
    {
        var client = await app.CreateReadyClientAsync();

        string json = await client.GetStringAsync(new Uri("/api/search?q=kameraövervakning", UriKind.Relative));

        Assert.Contains("\"query\":\"kameraövervakning\"", json, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(json).RootElement.ValueKind);
    }
}
