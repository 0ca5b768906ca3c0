using System.Net;

namespace PolicySearch.Api.Tests.Apis;

/// <summary>
/// A service whose embedding model cannot embed the query: here an OpenAI-compatible server nobody listens on,
/// opened on an index whose vectors the local model made. Search must not fail with a 500.
/// </summary>
public sealed class SearchEmbeddingFailureTests(PolicySearchApplication app) : IClassFixture<PolicySearchApplication>
{
    [Fact]
    public async Task Hybrid_search_falls_back_to_keyword_and_semantic_search_answers_503_in_Swedish()
    {
        await app.CreateReadyClientAsync();
        await using var broken = new PolicySearchApplication();
        broken.Settings["IndexOptions:Path"] = app.Settings["IndexOptions:Path"];
        broken.Settings["IndexOptions:CorpusPath"] = app.CorpusPath;
        broken.Settings["Embeddings:Provider"] = "OpenAI";
        broken.Settings["Embeddings:BaseUrl"] = "http://127.0.0.1:9/v1";
        broken.Settings["Embeddings:Model"] = "unreachable-model";
        broken.Settings["Embeddings:ApiKey"] = "unused";
        broken.Settings["Embeddings:TimeoutSeconds"] = "2";
        var client = await broken.CreateReadyClientAsync();

        var (status, body) = await client.GetJsonAsync("/api/search?q=kameraövervakning&mode=hybrid");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("keyword", body.Str("mode"));
        Assert.NotEmpty(body.GetProperty("hits").EnumerateArray());

        using var semantic = await client.GetAsync(new Uri("/api/search?q=kameraövervakning&mode=semantic", UriKind.Relative));
        var problem = await semantic.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("Semantisk sökning", problem.Str("detail"), StringComparison.Ordinal);
    }
}
