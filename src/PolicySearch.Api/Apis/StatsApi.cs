using Microsoft.AspNetCore.Http.HttpResults;
using PolicySearch.Search;

namespace PolicySearch.Api.Apis;

/// <summary><c>GET /api/stats</c>: what the index holds.</summary>
internal static class StatsApi
{
    public static RouteGroupBuilder MapStatsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/stats", GetStatsAsync)
            .WithName("GetStats")
            .WithTags("Index")
            .WithSummary("Antal dokument, stycken och talare i indexet");
        return api;
    }

    public static async Task<Ok<StatsResponse>> GetStatsAsync(PolicySearchIndex index, CancellationToken cancellationToken)
    {
        IndexStats stats = await index.GetStatsAsync(cancellationToken);
        return TypedResults.Ok(new StatsResponse(
            stats.Documents, stats.Passages, stats.Speakers, stats.Vectors, stats.EmbeddingModel, stats.FileBytes, stats.DocumentTypes));
    }
}

/// <summary>Counts over the whole index; <c>embeddingModel</c> is null when semantic search is off.</summary>
internal sealed record StatsResponse(
    int Documents, int Passages, int Speakers, int Vectors, string? EmbeddingModel, long IndexSizeBytes,
    IReadOnlyList<FacetValue> DocumentTypes);
