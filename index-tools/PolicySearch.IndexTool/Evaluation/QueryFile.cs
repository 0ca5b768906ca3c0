using System.Text.Json;
using PolicySearch.Search;

namespace PolicySearch.IndexTool.Evaluation;

/// <summary>Reads JSONL query files and runs their queries against an index.</summary>
internal static class QueryFile
{
    /// <summary>Non-blank lines of <paramref name="path"/>, each deserialised as <typeparamref name="T"/>.</summary>
    public static async Task<List<T>> ReadAsync<T>(string path, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        int number = 0;
        foreach (string line in await File.ReadAllLinesAsync(path, cancellationToken))
        {
            number++;
            if (line.Trim().Length == 0) continue;
            items.Add(JsonSerializer.Deserialize<T>(line, CliSettings.Json)
                ?? throw new InvalidDataException($"{path}:{number}: expected a JSON object"));
        }
        return items;
    }

    /// <summary>Runs each query in order and returns its hits.</summary>
    public static async Task<List<(string Id, IReadOnlyList<SearchHit> Hits)>> RunAsync(
        PolicySearchIndex index, IEnumerable<(string Id, string Query)> queries, Func<string, SearchRequest> request, CancellationToken cancellationToken)
    {
        var results = new List<(string, IReadOnlyList<SearchHit>)>();
        foreach (var (id, query) in queries)
            results.Add((id, (await index.SearchAsync(request(query), cancellationToken)).Hits));
        return results;
    }
}

/// <summary>A line of a batch file.</summary>
internal sealed record BatchQuery(string Id, string Query);

/// <summary>A line of a run file, as <c>score.py</c> reads it.</summary>
internal sealed record BatchResult(string Qid, IReadOnlyList<SearchHit> Hits);
