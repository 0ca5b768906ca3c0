using System.Net;
using PolicySearch.Api.Apis;
using PolicySearch.Api.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace PolicySearch.Api.Tests.Apis;

/// <summary>Speakers, stats and health: what the index holds and whether it can answer.</summary>
public sealed class IndexApiTests(PolicySearchApplication app) : IClassFixture<PolicySearchApplication>
{
    [Fact]
    public async Task Speakers_are_listed_with_passage_counts()
    {
        var client = await app.CreateReadyClientAsync();

        var (status, body) = await client.GetJsonAsync("/api/speakers");

        Assert.Equal(HttpStatusCode.OK, status);
        var speakers = body.GetProperty("speakers").EnumerateArray().ToList();
        Assert.NotEmpty(speakers);
        Assert.All(speakers, s => Assert.True(s.GetProperty("passages").GetInt32() > 0));
        Assert.Contains(speakers, s => s.Str("kind") == "nämnd");
        var counts = speakers.Select(s => s.GetProperty("passages").GetInt32()).ToList();
        Assert.Equal(counts.OrderDescending(), counts);
    }

    [Fact]
    public async Task Stats_count_the_seeded_documents()
    {
        var client = await app.CreateReadyClientAsync();

        var (status, stats) = await client.GetJsonAsync("/api/stats");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(PolicySearchApplication.SeedDocuments.Length, stats.GetProperty("documents").GetInt32());
        Assert.True(stats.GetProperty("passages").GetInt32() > stats.GetProperty("documents").GetInt32());
        Assert.True(stats.GetProperty("indexSizeBytes").GetInt64() > 0);
    }

    [Fact]
    public async Task Health_is_ready_once_the_corpus_is_indexed()
    {
        var client = await app.CreateReadyClientAsync();

        var (status, health) = await client.GetJsonAsync("/health");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ready", health.Str("status"));
    }

    [Fact]
    public void Health_is_503_with_progress_while_the_first_index_is_built_and_when_it_failed()
    {
        var readiness = new IndexReadiness();
        Assert.Equal(503, StatusOf(HealthApi.GetHealth(readiness)));

        readiness.Indexing(new IndexingProgress(2, 5));
        var indexing = Assert.IsType<JsonHttpResult<HealthResponse>>(HealthApi.GetHealth(readiness).Result);
        Assert.Equal(503, indexing.StatusCode);
        Assert.Equal(new HealthResponse("indexing", new IndexingProgress(2, 5), null), indexing.Value);

        readiness.Failed("trasigt");
        Assert.Equal(503, StatusOf(HealthApi.GetHealth(readiness)));

        readiness.Ready();
        Assert.Equal(200, StatusOf(HealthApi.GetHealth(readiness)));
    }

    private static int? StatusOf(Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>> result) =>
        (result.Result as IStatusCodeHttpResult)?.StatusCode;
}
