using System.Net;

namespace PolicySearch.Api.Tests.Apis;

public sealed class PassagesApiTests(PolicySearchApplication app) : IClassFixture<PolicySearchApplication>
{
    [Fact]
    public async Task A_passage_carries_its_citation_and_speaker()
    {
        var client = await app.CreateReadyClientAsync();
        var hit = await DocumentsApiTests.FirstHitAsync(client, "kameraövervakning");

        var (status, passage) = await client.GetJsonAsync($"/api/passages/{hit.Str("passageId")}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(hit.Str("text"), passage.Str("text"));
        Assert.Equal(hit.Str("citation"), passage.Str("citation"));
        Assert.Equal(hit.Str("documentId"), passage.Str("documentId"));
        Assert.Equal(hit.GetProperty("speaker").Str("name"), passage.GetProperty("speaker").Str("name"));
    }

    [Fact]
    public async Task Similar_passages_are_other_passages()
    {
        var client = await app.CreateReadyClientAsync();
        var hit = await DocumentsApiTests.FirstHitAsync(client, "kameraövervakning");

        var (status, similar) = await client.GetJsonAsync($"/api/passages/{hit.Str("passageId")}/similar?top=3");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(hit.Str("passageId"), similar.Str("passageId"));
        var hits = similar.GetProperty("hits").EnumerateArray().ToList();
        Assert.InRange(hits.Count, 1, 3);
        Assert.DoesNotContain(hits, h => h.Str("passageId") == hit.Str("passageId"));
    }

    [Theory]
    [InlineData("/api/passages/finns-inte")]
    [InlineData("/api/passages/finns-inte/similar")]
    public async Task An_unknown_passage_is_a_404_problem(string url)
    {
        var client = await app.CreateReadyClientAsync();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal("Stycket finns inte i indexet.", (await response.AssertProblemAsync(HttpStatusCode.NotFound)).Str("detail"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    [InlineData("fem")]
    public async Task Similar_top_out_of_range_is_a_400(string top)
    {
        var client = await app.CreateReadyClientAsync();
        var hit = await DocumentsApiTests.FirstHitAsync(client, "trygghet");

        using var response = await client.GetAsync(new Uri($"/api/passages/{hit.Str("passageId")}/similar?top={top}", UriKind.Relative));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
