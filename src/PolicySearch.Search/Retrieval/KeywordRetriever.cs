using System.Globalization;
using Microsoft.Data.Sqlite;
using PolicySearch.Search.Querying;

namespace PolicySearch.Search.Retrieval;

/// <summary>
/// BM25 over the analysed terms with AND-ish ranking: passages matching every query group come first,
/// then passages matching fewer groups, ordered by how many groups they cover and then by bm25. Only a
/// bounded number of candidates is scored per step (LIMIT), so common terms do not rank the whole index.
/// </summary>
internal sealed class KeywordRetriever(SearchOptions options)
{
    private string Bm25 => string.Create(CultureInfo.InvariantCulture,
        $"bm25(passage_terms, {options.TitleWeight}, {options.SectionWeight}, {options.TextWeight}, {options.DerivedWeight})");

    public List<RankedPassage> Retrieve(SqliteConnection connection, KeywordQuery query, SearchFilter filter, int limit)
    {
        if (query.IsEmpty) return [];
        // Tiers: the words as a phrase, then every group anywhere, then partial matches by coverage.
        var ranked = new List<RankedPassage>();
        var found = new HashSet<long>();
        if (query.WordsInOrder() is { } phrase)
            Add(ranked, found, Top(connection, phrase, filter, limit, found), query.GroupCount + 1, limit);
        if (ranked.Count < limit)
            Add(ranked, found, Top(connection, query.All(), filter, limit, found), query.GroupCount, limit);
        if (ranked.Count >= limit || query.GroupCount == 1) return ranked;

        var partial = Top(connection, query.Any(), filter, limit * 2, found);
        if (partial.Count == 0) return ranked;
        var coverage = Coverage(connection, query, partial.Select(p => p.PassageId).ToList());
        ranked.AddRange(partial
            .Select(hit => new RankedPassage(hit.PassageId, coverage[hit.PassageId] + Squash(hit.Score)))
            .OrderByDescending(r => r.Score)
            .Take(limit - ranked.Count));
        return ranked;
    }

    private static void Add(List<RankedPassage> ranked, HashSet<long> found, List<RankedPassage> hits, int tier, int limit)
    {
        foreach (var hit in hits)
        {
            if (ranked.Count >= limit) return;
            if (found.Add(hit.PassageId)) ranked.Add(new RankedPassage(hit.PassageId, tier + Squash(hit.Score)));
        }
    }

    /// <summary>Up to <paramref name="cap"/> passages matching any group, after filters (in index order).</summary>
    public List<long> Matching(SqliteConnection connection, KeywordQuery query, SearchFilter filter, int cap)
    {
        if (query.IsEmpty) return [];
        using var command = MatchingCommand(connection, query, filter, "f.rowid", " LIMIT $cap");
        command.Parameters.AddWithValue("$cap", cap);
        return ReadIds(command);
    }

    /// <summary>How many passages match any group, after filters (counted inside SQLite, no rows returned).</summary>
    public int Count(SqliteConnection connection, KeywordQuery query, SearchFilter filter)
    {
        if (query.IsEmpty) return 0;
        using var command = MatchingCommand(connection, query, filter, "count(*)", "");
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static SqliteCommand MatchingCommand(SqliteConnection connection, KeywordQuery query, SearchFilter filter, string select, string limit)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"SELECT {select} FROM passage_terms f {(filter.IsEmpty ? "" : JoinMetadata)} WHERE passage_terms MATCH $match{filter.AndClause()}{limit}";
        command.Parameters.AddWithValue("$match", query.Any());
        filter.AddParameters(command);
        return command;
    }

    internal const string JoinMetadata =
        "JOIN passages p ON p.id = f.rowid JOIN documents d ON d.id = p.document_id JOIN speakers s ON s.id = p.speaker_id";

    /// <summary>bm25 is negative, more negative is better; map it to (0, 1) so it only orders within a coverage level.</summary>
    private static double Squash(double bm25) => -bm25 / (1 - bm25);

    private List<RankedPassage> Top(SqliteConnection connection, string match, SearchFilter filter, int limit, HashSet<long>? exclude)
    {
        using var command = connection.CreateCommand();
        string join = filter.IsEmpty ? "" : JoinMetadata;
        long? newest = filter.IsEmpty ? RankingBound(connection, match) : null;
        command.CommandText = $"""
            SELECT f.rowid, {Bm25} AS score FROM passage_terms f {join}
            WHERE passage_terms MATCH $match{filter.AndClause()}{(newest is null ? "" : " AND f.rowid > $bound")}
            ORDER BY score, f.rowid LIMIT $limit
            """;
        command.Parameters.AddWithValue("$match", match);
        if (newest is { } bound) command.Parameters.AddWithValue("$bound", bound);
        command.Parameters.AddWithValue("$limit", limit + (exclude?.Count ?? 0));
        filter.AddParameters(command);
        var hits = new List<RankedPassage>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            long id = reader.GetInt64(0);
            if (exclude is null || !exclude.Contains(id)) hits.Add(new RankedPassage(id, reader.GetDouble(1)));
        }
        return hits;
    }

    /// <summary>
    /// FTS5 computes bm25 for every match before it can sort, which for a common word means tens of thousands of
    /// passages. Bounded top-k: when more than <see cref="SearchOptions.MaxRankedMatches"/> passages match, only the
    /// most recently indexed ones are ranked. Returns the rowid above which to rank, or null when all are ranked.
    /// </summary>
    private long? RankingBound(SqliteConnection connection, string match)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT rowid FROM passage_terms WHERE passage_terms MATCH $match ORDER BY rowid DESC LIMIT 1 OFFSET $max";
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$max", options.MaxRankedMatches);
        return command.ExecuteScalar() is long rowid ? rowid : null;
    }

    /// <summary>How many query groups each candidate matches.</summary>
    private static Dictionary<long, int> Coverage(SqliteConnection connection, KeywordQuery query, List<long> candidates)
    {
        var coverage = candidates.ToDictionary(id => id, _ => 0);
        string ids = "[" + string.Join(',', candidates) + "]";
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT rowid FROM passage_terms WHERE passage_terms MATCH $match AND rowid IN (SELECT value FROM json_each($ids))";
        var match = command.Parameters.Add("$match", SqliteType.Text);
        command.Parameters.AddWithValue("$ids", ids);
        for (int g = 0; g < query.GroupCount; g++)
        {
            match.Value = query.Group(g);
            foreach (long id in ReadIds(command)) coverage[id]++;
        }
        return coverage;
    }

    private static List<long> ReadIds(SqliteCommand command)
    {
        var ids = new List<long>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) ids.Add(reader.GetInt64(0));
        return ids;
    }
}
