using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PolicySearch.Api.Hosting;
using PolicySearch.Embeddings;
using PolicySearch.Search;

namespace PolicySearch.Api.Apis;

/// <summary><c>GET /api/search</c>: cited passages for keywords or a question (the contract in DESIGN.md).</summary>
internal static class SearchApi
{
    public static RouteGroupBuilder MapSearchApi(this RouteGroupBuilder api)
    {
        api.MapGet("/search", SearchAsync)
            .WithName("Search")
            .WithSummary("Sök citerbara stycken med ord eller en fråga")
            .WithDescription("Filter på nämnd/talare, parti, dokumenttyp och datum; sökläge hybrid, keyword eller semantic.");
        return api;
    }

    /// <summary>
    /// When the embedding model cannot embed the query (model mismatch, server down), hybrid search answers with
    /// keyword search and a logged warning; semantic search has nothing to fall back on and answers 503.
    /// </summary>
    public static async Task<Results<Ok<SearchResponse>, ValidationProblem, ProblemHttpResult>> SearchAsync(
        [AsParameters] SearchParameters parameters,
        PolicySearchIndex index,
        IOptionsSnapshot<SearchOptions> search,
        IOptionsSnapshot<LimitOptions> limits,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        SearchRequest? request = parameters.ToRequest(search.Value, limits.Value, out var errors);
        if (request is null)
            return Problems.Validation(errors);
        try
        {
            return TypedResults.Ok(await index.SearchAsync(request, cancellationToken));
        }
        catch (EmbeddingException exception) when (request.Mode == SearchMode.Hybrid)
        {
            loggers.CreateLogger(typeof(SearchApi)).LogWarning(exception, "Query embedding failed; answering with keyword search");
            return TypedResults.Ok(await index.SearchAsync(request with { Mode = SearchMode.Keyword }, cancellationToken));
        }
        catch (EmbeddingException exception)
        {
            loggers.CreateLogger(typeof(SearchApi)).LogWarning(exception, "Query embedding failed; semantic search unavailable");
            return Problems.Problem(StatusCodes.Status503ServiceUnavailable,
                "Semantisk sökning är inte tillgänglig just nu. Sök med sökläge hybrid eller keyword.");
        }
    }
}
