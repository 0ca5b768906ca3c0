using System.Globalization;
using PolicySearch.Ingestion;

namespace PolicySearch.Search.Retrieval;

/// <summary>
/// Restrictions on passages, as conditions over a passage's <see cref="DocumentFacts"/> and
/// <see cref="SpeakerFacts"/>; names compare case-insensitively. <see cref="PassageCatalog.Allowed"/> evaluates them.
/// </summary>
internal sealed class SearchFilter
{
    private readonly List<Func<DocumentFacts, SpeakerFacts, bool>> _conditions = [];
    private readonly List<string> _key = [];

    public bool IsEmpty => _conditions.Count == 0;

    /// <summary>Identifies the filter: each condition's kind with its values (length-prefixed, so no two filters share a key).</summary>
    public string Key => string.Concat(_key);

    public static SearchFilter From(SearchRequest request)
    {
        var filter = new SearchFilter();
        if (!string.IsNullOrWhiteSpace(request.Body))
        {
            // Exactly the body facet's definition, or the speaker by name (a party or person).
            string body = request.Body.Trim();
            filter.Add("body", [body], (d, s) => Same(PassageCatalog.BodyOf(d, s), body) || Same(s.Name, body));
        }
        if (!string.IsNullOrWhiteSpace(request.Party))
        {
            string party = request.Party.Trim();
            filter.Add("party", [party], (_, s) => HasParty(s, party));
        }
        if (!string.IsNullOrWhiteSpace(request.DocumentType))
        {
            string type = request.DocumentType.Trim();
            filter.Add("type", [type], (d, _) => Same(d.Type, type));
        }
        if (request.From is { } from)
        {
            string day = Day(from);
            filter.Add("from", [day], (d, _) => d.Date is { } date && string.CompareOrdinal(date, day) >= 0);
        }
        if (request.To is { } to)
        {
            string day = Day(to);
            filter.Add("to", [day], (d, _) => d.Date is { } date && string.CompareOrdinal(date, day) <= 0);
        }
        return filter;
    }

    /// <summary>
    /// This filter plus "spoken by one of <paramref name="voices"/>": the passage's speaker, or — for passages a
    /// nämnd or förvaltning speaks — the nämnd or förvaltning that wrote the document (a tjänsteutlåtande speaks
    /// for both); for a party, also joint speakers that include it.
    /// </summary>
    public SearchFilter WithSpeaker(IReadOnlyList<Speaker> voices)
    {
        var filter = new SearchFilter();
        filter._conditions.AddRange(_conditions);
        filter._key.AddRange(_key);
        var names = voices.Select(v => v.Name).ToList();
        var parties = voices.Where(v => v.Kind == SpeakerKind.Party && !string.IsNullOrEmpty(v.Party)).Select(v => v.Party!).Distinct(StringComparer.Ordinal).ToList();
        filter.Add("speaker", [.. names, "|", .. parties], (d, s) =>
            names.Exists(name => Same(s.Name, name) || (s.IsBody && (Same(d.Nämnd, name) || Same(d.Förvaltning, name))))
            || parties.Exists(party => HasParty(s, party)));
        return filter;
    }

    public bool Allows(DocumentFacts document, SpeakerFacts speaker)
    {
        foreach (var condition in _conditions)
            if (!condition(document, speaker)) return false;
        return true;
    }

    private void Add(string kind, IReadOnlyList<string> values, Func<DocumentFacts, SpeakerFacts, bool> condition)
    {
        _conditions.Add(condition);
        _key.Add(kind + string.Concat(values.Select(v => $":{v.Length}:{v}")) + ";");
    }

    /// <summary>One of the speaker's party abbreviations ("MP,S,V" holds "S"), or the party's own name.</summary>
    private static bool HasParty(SpeakerFacts speaker, string party) =>
        speaker.PartyList.Contains("," + party + ",", StringComparison.OrdinalIgnoreCase) || Same(speaker.Name, party);

    private static bool Same(string? value, string expected) => string.Equals(value, expected, StringComparison.OrdinalIgnoreCase);

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
