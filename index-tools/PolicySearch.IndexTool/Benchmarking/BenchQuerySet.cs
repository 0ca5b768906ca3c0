using Microsoft.Data.Sqlite;
using PolicySearch.Ingestion;

namespace PolicySearch.IndexTool.Benchmarking;

/// <summary>
/// A fixed, reproducible query set drawn from the indexed corpus itself: 1–4 word spans of document titles and
/// passages, plus questions naming a party ("Vad tycker Liberalerna om …?").
/// </summary>
internal static class BenchQuerySet
{
    public static List<string> Build(string indexPath, int count, int partyQuestions, int seed = 20261122)
    {
        var random = new Random(seed);
        // Enough source texts for the draws, so building the set does not hold the whole corpus in memory.
        int sample = 4 * (count + partyQuestions);
        var titles = Column(indexPath, "documents", "title", sample);
        var passages = Column(indexPath, "passages", "text", sample);
        var queries = new List<string>(count + partyQuestions);
        for (int attempt = 0; queries.Count < count && attempt < count * 20; attempt++)
        {
            var source = attempt % 2 == 0 && titles.Count > 0 ? titles : passages;
            if (source.Count == 0) break;
            if (Span(source[random.Next(source.Count)], random.Next(1, 5), random) is { } query) queries.Add(query);
        }
        var parties = Gazetteer.Default.Speakers.Where(s => s.Kind == SpeakerKind.Party).Select(s => s.Name).ToList();
        for (int i = 0; i < partyQuestions && parties.Count > 0 && passages.Count > 0; i++)
        {
            if (Span(passages[random.Next(passages.Count)], random.Next(1, 3), random) is { } topic)
                queries.Add($"Vad tycker {parties[i % parties.Count]} om {topic}?");
        }
        return queries;
    }

    /// <summary><paramref name="words"/> consecutive words of at least three letters, from a random place in <paramref name="text"/>.</summary>
    private static string? Span(string text, int words, Random random)
    {
        var candidates = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim(',', '.', ';', ':', '(', ')', '"', '”', '–', '-', '?', '!'))
            .Where(w => w.Length >= 3 && w.All(char.IsLetter))
            .ToList();
        if (candidates.Count < words) return null;
        int start = random.Next(candidates.Count - words + 1);
        return string.Join(' ', candidates.Skip(start).Take(words));
    }

    /// <summary>About <paramref name="sample"/> values of <paramref name="column"/>, spread evenly over the table's rows.</summary>
    private static List<string> Column(string indexPath, string table, string column, int sample)
    {
        using var connection = new SqliteConnection($"Data Source={indexPath};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}";
        long step = Math.Max(1, Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) / sample);
        command.CommandText = $"SELECT {column} FROM {table} WHERE id % {step} = 0 ORDER BY id";
        var values = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) values.Add(reader.GetString(0));
        return values;
    }
}
