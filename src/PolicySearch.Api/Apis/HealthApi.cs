using Microsoft.AspNetCore.Http.HttpResults;
using PolicySearch.Api.Hosting;

namespace PolicySearch.Api.Apis;

/// <summary><c>GET /health</c>: 200 once the index can answer, 503 while it is first built or when building failed.</summary>
internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", GetHealth)
            .WithName("GetHealth")
            .WithTags("Index")
            .WithSummary("Redo när indexet kan svara; 503 medan det byggs första gången");
        return app;
    }

    public static Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>> GetHealth(IndexReadiness readiness)
    {
        IndexReadiness.Snapshot state = readiness.Current;
        var response = new HealthResponse(state.Phase.ToString().ToLowerInvariant(), state.Progress, state.FailureReason);
        return state.Phase == IndexPhase.Ready
            ? TypedResults.Ok(response)
            : TypedResults.Json(response, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}

/// <summary>status is starting, indexing, ready or failed.</summary>
internal sealed record HealthResponse(string Status, IndexingProgress? Progress, string? Error);
