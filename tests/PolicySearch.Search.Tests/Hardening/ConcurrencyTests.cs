using PolicySearch.Ingestion;

namespace PolicySearch.Search.Tests.Hardening;

/// <summary>
/// Searches from several threads while one document is re-indexed back and forth between two versions:
/// every search sees one whole version, and after 100 cycles no passage is lost.
/// </summary>
public sealed class ConcurrencyTests
{
    private const int Cycles = 100;
    private const int Searchers = 3;
    private const string Shared = "zorblaxhus";
    private static readonly string[] Markers = ["qzxalfa", "qzxbeta"];

    [Fact]
    public async Task Searches_during_reindexing_see_one_whole_version_and_no_passage_is_lost()
    {
        await using var seed = await SeedIndex.IndexedAsync();
        int seedPassages = (await seed.Index.GetStatsAsync()).Passages;
        string path = Path.Combine(seed.CorpusFolder, "växling.txt");
        // Version B is longer, so a search mixing the versions shows in the count as well as in the markers.
        string[] versions = [Version(Markers[0], paragraphs: 4), Version(Markers[1], paragraphs: 9)];
        int[] passageCounts = versions.Select(text => PassagesOf(path, text)).ToArray();
        Assert.NotEqual(passageCounts[0], passageCounts[1]);

        await File.WriteAllTextAsync(path, versions[0]);
        Assert.Equal(1, (await seed.Index.IndexAsync([path])).FilesIndexed);
        using var stop = new CancellationTokenSource();
        var searchers = Enumerable.Range(0, Searchers).Select(_ => Task.Run(async () =>
        {
            var problems = new List<string>();
            int searches = 0;
            while (!stop.IsCancellationRequested)
            {
                var response = await seed.Index.SearchAsync(new SearchRequest { Query = Shared, Mode = SearchMode.Keyword, Top = 100 });
                searches++;
                if (Mixed(response, passageCounts) is { } problem) problems.Add(problem);
            }
            return (searches, problems);
        })).ToList();

        for (int cycle = 1; cycle <= Cycles; cycle++)
        {
            await File.WriteAllTextAsync(path, versions[cycle % 2]);
            var report = await seed.Index.IndexAsync([path]);
            Assert.Empty(report.Errors);
            Assert.Equal(1, report.FilesIndexed);
        }
        await stop.CancelAsync();
        var results = await Task.WhenAll(searchers);

        Assert.All(results, result => Assert.True(result.searches > 0));
        var problems = results.SelectMany(result => result.problems).ToList();
        Assert.True(problems.Count == 0, $"{problems.Count} searches saw a mixed document, e.g.\n" + string.Join('\n', problems.Take(5)));
        int last = Cycles % 2;
        Assert.Equal(seedPassages + passageCounts[last], (await seed.Index.GetStatsAsync()).Passages);
        var final = await seed.Index.SearchAsync(new SearchRequest { Query = Shared, Mode = SearchMode.Keyword, Top = 100 });
        Assert.Equal(passageCounts[last], final.Total);
        Assert.All(final.Hits, hit => Assert.Contains(Markers[last], hit.Text, StringComparison.Ordinal));
    }

    /// <summary>Why a response does not show exactly one version of the document, or null when it does.</summary>
    private static string? Mixed(SearchResponse response, int[] passageCounts)
    {
        var markers = response.Hits.Select(hit => Markers.Where(m => hit.Text.Contains(m, StringComparison.Ordinal)).ToList()).ToList();
        if (markers.Exists(m => m.Count != 1)) return "a hit with no marker or both";
        var seen = markers.Select(m => m[0]).Distinct(StringComparer.Ordinal).ToList();
        if (seen.Count != 1) return $"hits from {seen.Count} versions ({response.Hits.Count} hits, total {response.Total})";
        int expected = passageCounts[Array.IndexOf(Markers, seen[0])];
        if (response.Hits.Count != expected || response.Total != expected)
            return $"version {seen[0]} has {expected} passages, but {response.Hits.Count} hits and total {response.Total}";
        return null;
    }

    private static int PassagesOf(string path, string text)
    {
        var passages = new DocumentIngestor().Ingest(path, System.Text.Encoding.UTF8.GetBytes(text)).Passages;
        Assert.All(passages, passage => Assert.Contains(Shared, passage.Text, StringComparison.Ordinal));
        return passages.Count;
    }

    /// <summary>A document whose every paragraph holds the shared word and the version's marker.</summary>
    private static string Version(string marker, int paragraphs) => string.Join("\n\n", Enumerable.Range(1, paragraphs).Select(i =>
        $"Stycke {i}. Förvaltningen redovisar att {Shared} i stadsdelen behöver ses över ({marker}). " +
        string.Concat(Enumerable.Repeat($"Nämnden har tidigare beslutat om underhåll av {Shared} och om budgeten för år {2000 + i}. ", 6))));
}
