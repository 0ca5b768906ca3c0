using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using PolicySearch.Ingestion;

namespace PolicySearch.Search.Retrieval;

/// <summary>
/// Restrictions on passages as one SQL condition over <c>p</c> (passages), <c>d</c> (documents) and
/// <c>s</c> (speakers). Values are always bound as parameters.
/// </summary>
internal sealed class SearchFilter
{
    /// <summary>The body a passage counts for: its speaker when that is a nämnd or förvaltning, else the document's author.</summary>
    public static readonly string BodyOfPassage =
        $"coalesce(CASE WHEN s.kind IN ({(int)SpeakerKind.Nämnd}, {(int)SpeakerKind.Förvaltning}) THEN s.name END, d.namnd, d.forvaltning)";

    private readonly List<string> _conditions = [];
    private readonly List<(string Name, object Value)> _parameters = [];

    public bool IsEmpty => _conditions.Count == 0;

    public static SearchFilter From(SearchRequest request)
    {
        var filter = new SearchFilter();
        if (!string.IsNullOrWhiteSpace(request.Body))
        {
            // Exactly the body facet's definition (see FacetTable), or the speaker by name (a party or person).
            string p = filter.Bind(request.Body.Trim());
            filter._conditions.Add($"({BodyOfPassage} = {p} COLLATE NOCASE OR s.name = {p} COLLATE NOCASE)");
        }
        if (!string.IsNullOrWhiteSpace(request.Party))
            filter._conditions.Add(filter.PartyCondition([request.Party.Trim()]));
        if (!string.IsNullOrWhiteSpace(request.DocumentType))
            filter._conditions.Add($"d.document_type = {filter.Bind(request.DocumentType.Trim())} COLLATE NOCASE");
        if (request.From is { } from)
            filter._conditions.Add($"d.date >= {filter.Bind(from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))}");
        if (request.To is { } to)
            filter._conditions.Add($"d.date <= {filter.Bind(to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))}");
        return filter;
    }

    /// <summary>This filter plus "spoken by one of <paramref name="voices"/>".</summary>
    public SearchFilter WithSpeaker(IReadOnlyList<Speaker> voices)
    {
        var filter = new SearchFilter();
        filter._conditions.AddRange(_conditions);
        filter._parameters.AddRange(_parameters);
        var alternatives = new List<string> { filter.SpokenBy(voices.Select(v => v.Name).ToList()) };
        var parties = voices.Where(v => v.Kind == SpeakerKind.Party && !string.IsNullOrEmpty(v.Party)).Select(v => v.Party!).Distinct(StringComparer.Ordinal).ToList();
        if (parties.Count > 0) alternatives.Add(filter.PartyCondition(parties));
        filter._conditions.Add("(" + string.Join(" OR ", alternatives) + ")");
        return filter;
    }

    /// <summary>
    /// Spoken by one of <paramref name="names"/>: the passage's speaker, or — for passages a nämnd or förvaltning
    /// speaks — the nämnd or förvaltning that wrote the document (a tjänsteutlåtande speaks for both).
    /// </summary>
    private string SpokenBy(IReadOnlyList<string> names)
    {
        string inNames = string.Join(", ", names.Select(Bind));
        return $"(s.name COLLATE NOCASE IN ({inNames}) OR (s.kind IN ({(int)SpeakerKind.Nämnd}, {(int)SpeakerKind.Förvaltning}) " +
               $"AND (d.namnd COLLATE NOCASE IN ({inNames}) OR d.forvaltning COLLATE NOCASE IN ({inNames}))))";
    }

    /// <summary>The tables a filter condition reads, joined to passages <c>p</c>.</summary>
    public const string JoinMetadata = "JOIN documents d ON d.id = p.document_id JOIN speakers s ON s.id = p.speaker_id";

    /// <summary>Identifies the filter: its conditions with their values.</summary>
    public string Key() =>
        string.Join(" AND ", _conditions) + string.Concat(_parameters.Select(p => $"|{p.Name}:{p.Value.ToString()!.Length}:{p.Value}"));

    /// <summary>" AND condition" to append to a WHERE clause, or "" when nothing is filtered.</summary>
    public string AndClause() => IsEmpty ? "" : " AND " + string.Join(" AND ", _conditions);

    public void AddParameters(SqliteCommand command)
    {
        foreach (var (name, value) in _parameters) command.Parameters.AddWithValue(name, value);
    }

    /// <summary>Party field holds one abbreviation or several separated by commas: match any of them, or the party's own name.</summary>
    private string PartyCondition(IReadOnlyList<string> parties)
    {
        var any = new StringBuilder("(");
        for (int i = 0; i < parties.Count; i++)
        {
            string p = Bind(parties[i]);
            if (i > 0) any.Append(" OR ");
            any.Append(CultureInfo.InvariantCulture, $"instr(upper(',' || replace(s.party, ' ', '') || ','), upper(',' || {p} || ',')) > 0 OR s.name = {p} COLLATE NOCASE");
        }
        return any.Append(')').ToString();
    }

    private string Bind(object value)
    {
        string name = "$f" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
        _parameters.Add((name, value));
        return name;
    }
}
