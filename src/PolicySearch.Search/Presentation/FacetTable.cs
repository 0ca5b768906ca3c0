using PolicySearch.Ingestion;
using PolicySearch.Search.Retrieval;

namespace PolicySearch.Search.Presentation;

/// <summary>
/// The facet values of every passage (body, year, document type, parties) in arrays indexed by passage id, so
/// facets over thousands of matches are counted in memory instead of joining three tables per search.
/// </summary>
internal sealed class FacetTable
{
    private const int None = -1;

    private readonly List<string> _values = [];
    private readonly Dictionary<string, int> _valueIds = new(StringComparer.Ordinal);
    private int[] _body = [], _year = [], _type = [];
    private int[][] _parties = [];

    public static FacetTable From(PassageCatalog catalog)
    {
        var table = new FacetTable();
        int size = catalog.Capacity;
        table._body = new int[size];
        table._year = new int[size];
        table._type = new int[size];
        table._parties = new int[size][];
        Array.Fill(table._body, None);
        Array.Fill(table._year, None);
        Array.Fill(table._type, None);
        Array.Fill(table._parties, []);
        foreach (var (id, document, speaker) in catalog.Passages())
        {
            table._body[id] = table.Id(PassageCatalog.BodyOf(document, speaker));
            table._year[id] = table.Id(document.Date is { Length: >= 4 } date ? date[..4] : null);
            table._type[id] = table.Id(document.Type);
            // Joint speakers list their parties ("MP,S,V"); a party speaker without abbreviations counts by name.
            table._parties[id] = speaker.Party.Length > 0
                ? speaker.Party.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => table.Id(p)).ToArray()
                : speaker.Kind == SpeakerKind.Party ? [table.Id(speaker.Name)] : [];
        }
        return table;
    }

    /// <summary>Counts the facet values of the matched passages, keyword and vector (one counter array per facet: no hashing per passage).</summary>
    public SearchFacets Count(IReadOnlyList<int> keywordMatches, IReadOnlyList<long> vectorMatches)
    {
        var body = new int[_values.Count];
        var year = new int[_values.Count];
        var type = new int[_values.Count];
        var party = new int[_values.Count];
        void CountPassage(long id)
        {
            if (id < 0 || id >= _body.Length) return;
            Add(body, _body[id]);
            Add(year, _year[id]);
            Add(type, _type[id]);
            foreach (int p in _parties[id]) Add(party, p);
        }
        for (int i = 0; i < keywordMatches.Count; i++) CountPassage(keywordMatches[i]);
        for (int i = 0; i < vectorMatches.Count; i++) CountPassage(vectorMatches[i]);
        return new SearchFacets(Sorted(body), Sorted(year), Sorted(type), Sorted(party));
    }

    private static void Add(int[] counts, int value)
    {
        if (value != None) counts[value]++;
    }

    private List<FacetValue> Sorted(int[] counts)
    {
        var values = new List<FacetValue>();
        for (int id = 0; id < counts.Length; id++)
            if (counts[id] > 0) values.Add(new FacetValue(_values[id], counts[id]));
        return [.. values.OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal)];
    }

    private int Id(string? value)
    {
        if (value is null) return None;
        if (!_valueIds.TryGetValue(value, out int id))
        {
            _valueIds[value] = id = _values.Count;
            _values.Add(value);
        }
        return id;
    }
}
