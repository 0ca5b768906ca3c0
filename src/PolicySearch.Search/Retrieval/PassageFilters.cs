using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace PolicySearch.Search.Retrieval;

/// <summary>
/// The passages each <see cref="SearchFilter"/> allows, evaluated once per data generation and kept as bitmaps:
/// a filter joins three tables over every passage, while users reuse a handful of filters (a party, a nämnd, a year).
/// </summary>
internal sealed class PassageFilters(int capacity)
{
    private const int MaxCached = 64;

    private readonly ConcurrentDictionary<string, PassageSet> _sets = new(StringComparer.Ordinal);

    public static PassageFilters Load(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(id), 0) FROM passages";
        return new PassageFilters(Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) + 1);
    }

    /// <summary>The passages <paramref name="filter"/> allows, or null when it allows all.</summary>
    public PassageSet? Allowed(SqliteConnection connection, SearchFilter filter)
    {
        if (filter.IsEmpty) return null;
        string key = filter.Key();
        if (_sets.TryGetValue(key, out var cached)) return cached;
        var allowed = new PassageSet(capacity);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT p.id FROM passages p {SearchFilter.JoinMetadata} WHERE 1 = 1{filter.AndClause()}";
            filter.AddParameters(command);
            using var reader = command.ExecuteReader();
            while (reader.Read()) allowed.Add(reader.GetInt64(0));
        }
        if (_sets.Count >= MaxCached) _sets.Clear();
        return _sets.GetOrAdd(key, allowed);
    }
}
