using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PolicySearch.Api.Hosting;
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

    public static async Task<Results<Ok<SearchResponse>, ValidationProblem>> SearchAsync(
        [AsParameters] SearchParameters parameters,
        PolicySearchIndex index,
        IOptionsSnapshot<SearchOptions> search,
        IOptionsSnapshot<LimitOptions> limits,
        CancellationToken cancellationToken)
    {
        SearchRequest? request = parameters.ToRequest(search.Value, limits.Value, out var errors);
        if (request is null)
            return Problems.Validation(errors);
        return TypedResults.Ok(await index.SearchAsync(request, cancellationToken));
    }
}
