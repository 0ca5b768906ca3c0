using PolicySearch.Embeddings.Local;

namespace PolicySearch.Search.Tests.Hardening;

/// <summary>10,000 hostile requests through <see cref="PolicySearchIndex.SearchAsync"/>: none throws, every response is well-formed.</summary>
public sealed class FuzzTests
{
    private const int Queries = 10_000;

    [Fact]
    public async Task Hostile_queries_never_throw_and_give_well_formed_responses()
    {
        // A real local embedding model trained on the seed texts, so semantic and hybrid search run their vector paths.
        var texts = Directory.GetFiles(SeedIndex.RepositoryCorpus()).Order(StringComparer.Ordinal)
            .SelectMany(file => File.ReadAllText(file).Split("\n\n", StringSplitOptions.RemoveEmptyEntries)).ToList();
        using var embeddings = new LocalEmbeddingGenerator(LocalEmbeddingModel.Train(texts, new LocalModelSettings { Dimensions = 32 }));
        await using var seed = await SeedIndex.IndexedAsync(embeddings);
        var options = new SearchOptions();
        var queries = new HostileQueries(seed: 20261122);
        var failures = new List<string>();

        for (int number = 0; number < Queries; number++)
        {
            var request = queries.Next(number);
            try
            {
                var response = await seed.Index.SearchAsync(request);
                if (Malformed(response, request, options) is { } problem) failures.Add($"{Describe(request)}: {problem}");
            }
            catch (Exception ex)
            {
                failures.Add($"{Describe(request)}: {ex.GetType().Name}: {ex.Message}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {Queries} requests failed, e.g.\n" + string.Join('\n', failures.Take(10)));
    }

    private static string? Malformed(SearchResponse response, SearchRequest request, SearchOptions options)
    {
        if (response.Hits.Count > Math.Clamp(request.Top, 0, options.MaxTop)) return $"{response.Hits.Count} hits for top {request.Top}";
        if (response.Total < 0) return $"total {response.Total}";
        if (response.Hits.Select(h => h.PassageId).Distinct(StringComparer.Ordinal).Count() != response.Hits.Count) return "a passage twice";
        foreach (var hit in response.Hits)
        {
            if (string.IsNullOrEmpty(hit.Text) || string.IsNullOrEmpty(hit.Citation)) return $"passage {hit.PassageId} without text or citation";
            if (!double.IsFinite(hit.Score)) return $"passage {hit.PassageId} scored {hit.Score}";
            if (hit.Highlights.FirstOrDefault(h => h.Start < 0 || h.Start >= h.End || h.End > hit.Text.Length) is { } bad)
                return $"highlight {bad.Start}..{bad.End} in passage {hit.PassageId} of {hit.Text.Length} characters";
        }
        return null;
    }

    private static string Describe(SearchRequest request)
    {
        string query = request.Query.Length > 80 ? request.Query[..80] + "…" : request.Query;
        string escaped = string.Concat(query.Select(c => char.IsControl(c) || char.IsSurrogate(c) || c > '\u2000' ? $"\\u{(int)c:X4}" : c.ToString()));
        return $"{request.Mode} \"{escaped}\" (top {request.Top}, offset {request.Offset}, body {request.Body}, party {request.Party}, type {request.DocumentType}, {request.From}–{request.To})";
    }
}
