using Microsoft.Data.Sqlite;
using PolicySearch.Ingestion;

namespace PolicySearch.Search.Presentation;

/// <summary>
/// The facet values of every passage (body, year, document type, parties) in arrays indexed by passage id, so
/// facets over thousands of matches are counted in memory instead of joining three tables per search.
/// Passages added after it was loaded (by another process) are not counted until it is reloaded.
/// </summary>
internal sealed class FacetTable
{
    private const int None = -1;

    private readonly List<string> _values = [];
    private readonly Dictionary<string, int> _valueIds = new(StringComparer.Ordinal);
    private int[] _body = [], _year = [], _type = [];
    private int[][] _parties = [];

    public static FacetTable Load(SqliteConnection connection)
    {
        var table = new FacetTable();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(id), 0) FROM passages";
        int size = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) + 1;
        table._body = new int[size];
        table._year = new int[size];
        table._type = new int[size];
        table._parties = new int[size][];
        Array.Fill(table._body, None);
        Array.Fill(table._year, None);
        Array.Fill(table._type, None);
        Array.Fill(table._parties, []);
        command.CommandText = $"""
            SELECT p.id, {Retrieval.SearchFilter.BodyOfPassage},
                   substr(d.date, 1, 4), d.document_type, s.party, CASE WHEN s.kind = {(int)SpeakerKind.Party} THEN s.name END
            FROM passages p JOIN documents d ON d.id = p.document_id JOIN speakers s ON s.id = p.speaker_id
            """;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            long id = reader.GetInt64(0);
            if (id >= size) continue;
            table._body[id] = table.Id(reader, 1);
            table._year[id] = table.Id(reader, 2);
            table._type[id] = table.Id(reader, 3);
            string parties = reader.GetString(4);
            table._parties[id] = parties.Length > 0
                ? parties.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(table.Id).ToArray()
                : reader.IsDBNull(5) ? [] : [table.Id(reader.GetString(5))];
        }
        return table;
    }

    /// <summary>Counts the facet values of <paramref name="passageIds"/> (one counter array per facet: no hashing per passage).</summary>
    public SearchFacets Count(IEnumerable<long> passageIds)
    {
        var body = new int[_values.Count];
        var year = new int[_values.Count];
        var type = new int[_values.Count];
        var party = new int[_values.Count];
        foreach (long id in passageIds)
        {
            if (id < 0 || id >= _body.Length) continue;
            Add(body, _body[id]);
            Add(year, _year[id]);
            Add(type, _type[id]);
            foreach (int p in _parties[id]) Add(party, p);
        }
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

    private int Id(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? None : Id(reader.GetString(ordinal));

    private int Id(string value)
    {
        if (!_valueIds.TryGetValue(value, out int id))
        {
            _valueIds[value] = id = _values.Count;
            _values.Add(value);
        }
        return id;
    }
}
