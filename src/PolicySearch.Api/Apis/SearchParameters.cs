using System.ComponentModel;
using System.Globalization;
using PolicySearch.Api.Hosting;
using PolicySearch.Search;

namespace PolicySearch.Api.Apis;

/// <summary>
/// The query string of <c>GET /api/search</c> as sent. Every value arrives as text and is checked here, so each bad
/// value gets its own Swedish message instead of a generic binding failure.
/// </summary>
internal sealed record SearchParameters(
    [property: Description("Ord eller en fråga, t.ex. \"Vad sa Skärholmens stadsdelsnämnd om SIG?\"")] string? Q,
    [property: Description("hybrid (standard), keyword eller semantic")] string? Mode,
    [property: Description("Filter: nämnd eller talare")] string? Body,
    [property: Description("Filter: parti (förkortning eller namn)")] string? Party,
    [property: Description("Filter: dokumenttyp, t.ex. tjänsteutlåtande")] string? Type,
    [property: Description("Tidigaste datum, ÅÅÅÅ-MM-DD")] string? From,
    [property: Description("Senaste datum, ÅÅÅÅ-MM-DD")] string? To,
    [property: Description("Antal träffar, 1–100 (standard 10)")] string? Top,
    [property: Description("Antal träffar att hoppa över (standard 0)")] string? Offset)
{
    /// <summary>Builds the validated request, or returns the errors keyed by parameter name.</summary>
    public SearchRequest? ToRequest(SearchOptions search, LimitOptions limits, out Dictionary<string, string[]> errors)
    {
        errors = [];
        string query = Q?.Trim() ?? "";
        if (query.Length == 0)
            errors["q"] = ["Ange ett eller flera sökord eller en fråga i q."];
        else if (query.Length > search.MaxQueryLength)
            errors["q"] = [$"Sökfrågan är för lång: högst {search.MaxQueryLength} tecken."];

        SearchMode mode = ParseMode(Mode, errors);
        int top = ParseInt("top", Top, 10, 1, search.MaxTop, errors);
        int offset = ParseInt("offset", Offset, 0, 0, search.MaxResultWindow - 1, errors);
        if (!errors.ContainsKey("top") && !errors.ContainsKey("offset") && offset + top > search.MaxResultWindow)
            errors["offset"] = [$"offset + top får vara högst {search.MaxResultWindow}; förfina sökningen i stället."];

        DateOnly? from = ParseDate("from", From, errors);
        DateOnly? to = ParseDate("to", To, errors);
        if (from > to)
            errors["from"] = ["from kan inte vara senare än to."];

        string? body = ParseFilter("body", Body, limits, errors);
        string? party = ParseFilter("party", Party, limits, errors);
        string? type = ParseFilter("type", Type, limits, errors);

        if (errors.Count > 0)
            return null;
        return new SearchRequest
        {
            Query = query, Mode = mode, Body = body, Party = party, DocumentType = type,
            From = from, To = to, Top = top, Offset = offset,
        };
    }

    private static SearchMode ParseMode(string? value, Dictionary<string, string[]> errors)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or "" or "hybrid": return SearchMode.Hybrid;
            case "keyword": return SearchMode.Keyword;
            case "semantic": return SearchMode.Semantic;
            default:
                errors["mode"] = ["Okänt sökläge. Använd hybrid, keyword eller semantic."];
                return SearchMode.Hybrid;
        }
    }

    private static int ParseInt(string name, string? value, int fallback, int min, int max, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
            return fallback;
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int parsed) && parsed >= min && parsed <= max)
            return parsed;
        errors[name] = [$"{name} måste vara ett heltal mellan {min} och {max}."];
        return fallback;
    }

    private static DateOnly? ParseDate(string name, string? value, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date))
            return date;
        errors[name] = [$"{name} är inget giltigt datum; skriv det som ÅÅÅÅ-MM-DD, t.ex. 2018-01-23."];
        return null;
    }

    private static string? ParseFilter(string name, string? value, LimitOptions limits, Dictionary<string, string[]> errors)
    {
        string? trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            return null;
        if (trimmed.Length <= limits.MaxFilterLength)
            return trimmed;
        errors[name] = [$"{name} är för långt: högst {limits.MaxFilterLength} tecken."];
        return null;
    }
}
