using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using PolicySearch.IndexTool.Benchmarking;
using PolicySearch.Search;
using Spectre.Console;

namespace PolicySearch.IndexTool.Commands;

/// <summary>
/// <c>policysearch bench [--corpus FILE.jsonl.gz] [--queries N] [--json]</c>: builds a fresh index of the seed corpus
/// (or of a JSONL document stream) in a temporary file, then measures warm single-threaded query latency for
/// keyword, semantic and hybrid search and two-thread throughput.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var corpus = new Option<FileInfo?>("--corpus") { Description = "A JSONL (optionally gzipped) document stream; default: the seed corpus folder" };
        var queries = new Option<int>("--queries") { Description = "Queries drawn from the corpus", DefaultValueFactory = _ => 200 };
        var json = new Option<bool>("--json") { Description = "Print only the JSON report" };
        var existing = new Option<bool>("--existing") { Description = "Measure queries on the index at --index as it is (no build)" };
        var command = new Command("bench", "Measure index build time and query latency") { corpus, queries, json, existing };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = CliSettings.IndexOptions(parseResult);
            bool build = !parseResult.GetValue(existing);
            string source = parseResult.GetValue(corpus)?.FullName ?? (build ? Path.GetFullPath(options.CorpusPath) : options.Path);
            if (build) options.Path = Path.Combine(Path.GetTempPath(), $"policysearch-bench-{Guid.NewGuid():N}.db");
            else if (!File.Exists(options.Path))
            {
                // Opening would create an empty index and measure nothing.
                await Console.Error.WriteLineAsync($"bench --existing: there is no index at {options.Path}; build one with `policysearch index` or give --index.");
                return 1;
            }
            try
            {
                var report = await RunAsync(options, build ? source : null, parseResult.GetValue(corpus) is not null, parseResult.GetValue(queries), cancellationToken);
                Console.WriteLine(CliSettings.ToJson(report, indented: true));
                if (!parseResult.GetValue(json)) Print(report);
                return 0;
            }
            finally
            {
                if (build) foreach (string suffix in new[] { "", "-wal", "-shm" }) File.Delete(options.Path + suffix);
            }
        });
        return command;
    }

    /// <summary>Builds the index from <paramref name="source"/> (null: use it as it is), then runs the query set.</summary>
    private static async Task<BenchReport> RunAsync(IndexOptions options, string? source, bool isJsonl, int queryCount, CancellationToken cancellationToken)
    {
        using var index = await CliSettings.OpenIndexAsync(options, cancellationToken);
        var clock = Stopwatch.StartNew();
        var built = source is null
            ? null
            : isJsonl
                ? await IndexCommand.RunWithProgressAsync(progress => index.IndexJsonlAsync(source, progress, cancellationToken))
                : await IndexCommand.RunWithProgressAsync(progress => index.IndexAsync([source], progress: progress, cancellationToken: cancellationToken));
        double indexSeconds = built is null ? 0 : clock.Elapsed.TotalSeconds;
        double peakRss = Process.GetCurrentProcess().PeakWorkingSet64 / 1e6;
        var stats = await index.GetStatsAsync(cancellationToken);

        // As the service does after start-up: passage lengths, facets and vectors in memory before the first query.
        var warmUp = Stopwatch.StartNew();
        await index.WarmUpAsync(cancellationToken);
        double warmUpSeconds = warmUp.Elapsed.TotalSeconds;
        var queries = BenchQuerySet.Build(index.Path, queryCount, partyQuestions: 20);
        var modes = index.Embeddings is null ? new[] { SearchMode.Keyword, SearchMode.Hybrid } : [SearchMode.Keyword, SearchMode.Semantic, SearchMode.Hybrid];
        var latency = new Dictionary<string, LatencySummary>(StringComparer.Ordinal);
        var coldLatency = new Dictionary<string, LatencySummary>(StringComparer.Ordinal);
        var throughput = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var mode in modes)
        {
            string name = mode.ToString().ToLowerInvariant();
            // The first pass is the cold one: postings, filters and vectors are read from the index as queries need them.
            coldLatency[name] = await MeasureAsync(index, queries, mode, cancellationToken);
            latency[name] = await MeasureAsync(index, queries, mode, cancellationToken);
            var parallelClock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(queries, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = cancellationToken },
                async (query, ct) => await SearchAsync(index, query, mode, ct));
            throughput[name] = Math.Round(queries.Count / parallelClock.Elapsed.TotalSeconds, 1);
        }
        // A serving process never held the build's heap (training the local model, every passage's text and vector):
        // hand what the build freed back to the OS, so serving RSS is what serving keeps.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return new BenchReport(source ?? index.Path, $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB",
            stats.Documents, stats.Passages, Math.Round(indexSeconds, 2), Rate(stats.Passages, indexSeconds),
            Rate((built?.Bytes ?? 0) / 1e6, indexSeconds), stats.FileBytes, stats.Vectors, Math.Round(peakRss, 1),
            Math.Round(Environment.WorkingSet / 1e6, 1), queries.Count, latency, throughput, coldLatency, Math.Round(warmUpSeconds, 2),
            built is null ? null : BuildStages.From(built));
    }

    /// <summary>One single-threaded pass over <paramref name="queries"/>: wall-clock percentiles and CPU time per query.</summary>
    private static async Task<LatencySummary> MeasureAsync(PolicySearchIndex index, IReadOnlyList<string> queries, SearchMode mode, CancellationToken cancellationToken)
    {
        var milliseconds = new List<double>(queries.Count);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        foreach (string query in queries)
        {
            long start = Stopwatch.GetTimestamp();
            await SearchAsync(index, query, mode, cancellationToken);
            milliseconds.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        // CPU time per query is robust to other processes competing for the cores; wall time is not.
        double cpuPerQuery = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / Math.Max(1, queries.Count);
        double allocatedPerQuery = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / Math.Max(1, queries.Count);
        return LatencySummary.From(milliseconds) with { CpuMeanMs = Math.Round(cpuPerQuery, 3), AllocatedKilobytesPerQuery = Math.Round(allocatedPerQuery, 1) };
    }

    private static double Rate(double amount, double seconds) => seconds > 0 ? Math.Round(amount / seconds, 2) : 0;

    private static Task<SearchResponse> SearchAsync(PolicySearchIndex index, string query, SearchMode mode, CancellationToken cancellationToken) =>
        index.SearchAsync(new SearchRequest { Query = query, Mode = mode }, cancellationToken);

    private static void Print(BenchReport report)
    {
        var table = new Table().Title($"bench: {Markup.Escape(report.Corpus)} ({report.Machine})").AddColumns("mode", "p50 ms", "p95 ms", "p99 ms", "mean ms", "CPU ms/query", "KB allocated/query", "2 threads q/s");
        foreach (var (mode, l) in report.Latency)
            table.AddRow(mode, F(l.P50), F(l.P95), F(l.P99), F(l.Mean), F(l.CpuMeanMs), F(l.AllocatedKilobytesPerQuery), F(report.QueriesPerSecondTwoThreads[mode]));
        AnsiConsole.Console.Profile.Out = new AnsiConsoleOutput(Console.Error);
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"{report.Documents:N0} documents, {report.Passages:N0} passages indexed in {F(report.IndexSeconds)} s " +
            $"({F(report.PassagesPerSecond)} passages/s, {F(report.MegabytesPerSecond)} MB/s); index {report.IndexBytes / 1e6:F1} MB; " +
            $"peak RSS indexing {F(report.PeakRssMegabytesIndexing)} MB, serving {F(report.RssMegabytesServing)} MB");
        if (report.BuildStages is { } stages)
            AnsiConsole.MarkupLine($"build stages: storing {F(stages.Storing)} s (analysis {F(stages.Analysis)} s summed over workers, " +
                $"writing {F(stages.Writing)} s, of it FTS5 {F(stages.Fts)} s), training {F(stages.Training)} s, embedding {F(stages.Embedding)} s");
    }

    private static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
