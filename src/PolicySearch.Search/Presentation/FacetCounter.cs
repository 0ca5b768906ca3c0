using Microsoft.Data.Sqlite;

namespace PolicySearch.Search.Presentation;

/// <summary>Counts body, year, document type and party over a set of matching passages.</summary>
internal static class FacetCounter
{
    public static SearchFacets Count(SqliteConnection connection, IReadOnlyCollection<long> passageIds)
    {
        var body = new Dictionary<string, int>(StringComparer.Ordinal);
        var year = new Dictionary<string, int>(StringComparer.Ordinal);
        var type = new Dictionary<string, int>(StringComparer.Ordinal);
        var party = new Dictionary<string, int>(StringComparer.Ordinal);
        if (passageIds.Count > 0)
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT coalesce(d.namnd, CASE WHEN s.kind IN (0, 1) THEN s.name END, d.forvaltning),
                       substr(d.date, 1, 4), d.document_type, s.party, CASE WHEN s.kind = 2 THEN s.name END, count(*)
                FROM passages p JOIN documents d ON d.id = p.document_id JOIN speakers s ON s.id = p.speaker_id
                WHERE p.id IN (SELECT value FROM json_each($ids))
                GROUP BY 1, 2, 3, 4, 5
                """;
            command.Parameters.AddWithValue("$ids", "[" + string.Join(',', passageIds) + "]");
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                int n = reader.GetInt32(5);
                Add(body, reader, 0, n);
                Add(year, reader, 1, n);
                Add(type, reader, 2, n);
                string parties = reader.GetString(3);
                if (parties.Length > 0)
                    foreach (string p in parties.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) party[p] = party.GetValueOrDefault(p) + n;
                else
                    Add(party, reader, 4, n);
            }
        }
        return new SearchFacets(Sorted(body), Sorted(year), Sorted(type), Sorted(party));
    }

    private static void Add(Dictionary<string, int> counts, SqliteDataReader reader, int ordinal, int n)
    {
        if (!reader.IsDBNull(ordinal)) counts[reader.GetString(ordinal)] = counts.GetValueOrDefault(reader.GetString(ordinal)) + n;
    }

    private static List<FacetValue> Sorted(Dictionary<string, int> counts) =>
        counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => new FacetValue(c.Key, c.Value)).ToList();
}
