using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace PolicySearch.Api.Apis;

/// <summary>Problem-details results with Swedish text, for people reading the error in the page or a terminal.</summary>
internal static class Problems
{
    /// <summary>Swedish titles for the status codes the service answers with.</summary>
    public static string? TitleFor(int statusCode) => statusCode switch
    {
        StatusCodes.Status400BadRequest => "Ogiltig begäran",
        StatusCodes.Status401Unauthorized => "API-nyckel krävs",
        StatusCodes.Status404NotFound => "Hittades inte",
        StatusCodes.Status405MethodNotAllowed => "Metoden stöds inte här",
        StatusCodes.Status413PayloadTooLarge => "För stor uppladdning",
        StatusCodes.Status415UnsupportedMediaType => "Fel innehållstyp",
        StatusCodes.Status429TooManyRequests => "För många förfrågningar",
        StatusCodes.Status500InternalServerError => "Något gick fel i tjänsten",
        StatusCodes.Status503ServiceUnavailable => "Tjänsten är inte redo",
        _ => null,
    };

    public static ValidationProblem Validation(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: string.Join(" ", errors.Values.SelectMany(e => e)),
            title: "Ogiltiga parametrar");

    public static ProblemHttpResult BadRequest(string detail) => Problem(StatusCodes.Status400BadRequest, detail);

    public static ProblemHttpResult Unauthorized(string detail) => Problem(StatusCodes.Status401Unauthorized, detail);

    public static ProblemHttpResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, detail);

    public static ProblemHttpResult TooLarge(string detail) => Problem(StatusCodes.Status413PayloadTooLarge, detail);

    public static ProblemHttpResult Problem(int statusCode, string detail) =>
        TypedResults.Problem(new ProblemDetails { Status = statusCode, Title = TitleFor(statusCode), Detail = detail });
}
