using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PolicySearch.Search;

namespace PolicySearch.Api.Apis;

/// <summary><c>/api/passages</c>: one cited passage, and the passages most like it.</summary>
internal static class PassagesApi
{
    private const int DefaultSimilar = 5;

    public static RouteGroupBuilder MapPassagesApi(this RouteGroupBuilder api)
    {
        var passages = api.MapGroup("/passages").WithTags("Stycken");
        passages.MapGet("/{id}", GetPassageAsync)
            .WithName("GetPassage")
            .WithSummary("Ett stycke med talare, dokument och citat (samma form som en sökträff)");
        passages.MapGet("/{id}/similar", GetSimilarAsync)
            .WithName("GetSimilarPassages")
            .WithSummary("Stycken som liknar ett stycke (närmast i betydelse)");
        return api;
    }

    public static async Task<Results<Ok<SearchHit>, ProblemHttpResult>> GetPassageAsync(
        string id, PolicySearchIndex index, CancellationToken cancellationToken)
    {
        SearchHit? passage = await index.GetPassageAsync(id, cancellationToken);
        return passage is null ? PassageNotFound() : TypedResults.Ok(passage);
    }

    public static async Task<Results<Ok<SimilarResponse>, ProblemHttpResult>> GetSimilarAsync(
        string id, string? top, PolicySearchIndex index, IOptionsSnapshot<SearchOptions> search, CancellationToken cancellationToken)
    {
        int count = DefaultSimilar;
        int max = search.Value.MaxTop;
        if (!string.IsNullOrEmpty(top) && (!int.TryParse(top, NumberStyles.Integer, CultureInfo.InvariantCulture, out count) || count < 1 || count > max))
            return Problems.BadRequest($"top måste vara ett heltal mellan 1 och {max}.");
        IReadOnlyList<SearchHit>? hits = await index.SimilarAsync(id, count, cancellationToken: cancellationToken);
        return hits is null ? PassageNotFound() : TypedResults.Ok(new SimilarResponse(id, hits));
    }

    private static ProblemHttpResult PassageNotFound() => Problems.NotFound("Stycket finns inte i indexet.");
}

/// <summary>Passages like <see cref="PassageId"/>, best first, shaped as search hits.</summary>
internal sealed record SimilarResponse(string PassageId, IReadOnlyList<SearchHit> Hits);
