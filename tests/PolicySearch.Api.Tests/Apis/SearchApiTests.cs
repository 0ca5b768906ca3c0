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
    [InlineData("semantic")]
    [InlineData("hybrid")]
    public async Task Every_mode_answers_and_is_echoed(string mode)
    {
        var client = await app.CreateReadyClientAsync();

        var (status, body) = await client.GetJsonAsync($"/api/search?q=trygghet&mode={mode}&top=3");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(mode, body.Str("mode"));
        Assert.InRange(body.GetProperty("hits").GetArrayLength(), 1, 3);
    }

    [Fact]
    public async Task Filters_from_the_facets_narrow_the_hits()
    {
        var client = await app.CreateReadyClientAsync();
        var (_, all) = await client.GetJsonAsync("/api/search?q=trygghet&mode=keyword&top=100");
        var type = all.GetProperty("facets").GetProperty("documentType").EnumerateArray().First();
        var year = all.GetProperty("facets").GetProperty("year").EnumerateArray().First().Str("value");

        var (typeStatus, byType) = await client.GetJsonAsync($"/api/search?q=trygghet&mode=keyword&top=100&type={Uri.EscapeDataString(type.Str("value"))}");
        var (yearStatus, byYear) = await client.GetJsonAsync($"/api/search?q=trygghet&mode=keyword&top=100&from={year}-01-01&to={year}-12-31");

        Assert.Equal(HttpStatusCode.OK, typeStatus);
        Assert.Equal(type.GetProperty("count").GetInt32(), byType.GetProperty("total").GetInt32());
        Assert.All(byType.GetProperty("hits").EnumerateArray(), h => Assert.Equal(type.Str("value"), h.Str("documentType")));
        Assert.Equal(HttpStatusCode.OK, yearStatus);
        Assert.All(byYear.GetProperty("hits").EnumerateArray(), h => Assert.StartsWith(year, h.Str("date"), StringComparison.Ordinal));
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
