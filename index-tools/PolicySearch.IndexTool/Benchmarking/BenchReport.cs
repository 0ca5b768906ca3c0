using PolicySearch.Search;

namespace PolicySearch.IndexTool.Benchmarking;

/// <summary>What <c>policysearch bench</c> measured, serialised as one JSON object.</summary>
internal sealed record BenchReport(
    string Corpus,
    string Machine,
    int Documents,
    int Passages,
    double IndexSeconds,
    double PassagesPerSecond,
    double MegabytesPerSecond,
    long IndexBytes,
    int Vectors,
    double PeakRssMegabytesIndexing,
    double RssMegabytesServing,
    int Queries,
    IReadOnlyDictionary<string, LatencySummary> Latency,
    IReadOnlyDictionary<string, double> QueriesPerSecondTwoThreads,
    IReadOnlyDictionary<string, LatencySummary> ColdLatency,
    double WarmUpSeconds,
    BuildStages? BuildStages);

/// <summary>
/// Where the index build's time went, in seconds. Storing is the wall time of reading, analysing and writing the
/// documents (which overlap); analysis is summed over the parallel workers; writing (SQLite rows and FTS5 terms) is the
/// one writer's time, and fts its FTS5 share; training and embedding follow storing when the run trains the local model.
/// </summary>
internal sealed record BuildStages(double Storing, double Analysis, double Writing, double Fts, double Training, double Embedding)
{
    public static BuildStages From(IndexReport report)
    {
        TimeSpan training = report.Embedding?.TrainingTime ?? TimeSpan.Zero;
        TimeSpan embedding = report.Embedding is { } e ? e.Elapsed - e.TrainingTime : TimeSpan.Zero;
        return new BuildStages(Seconds(report.Elapsed), Seconds(report.AnalysisTime), Seconds(report.WriteTime), Seconds(report.FtsTime),
            Seconds(training), Seconds(embedding));
    }

    private static double Seconds(TimeSpan time) => Math.Round(time.TotalSeconds, 3);
}

/// <summary>Query latency percentiles in milliseconds (warm, one thread).</summary>
internal sealed record LatencySummary(double P50, double P95, double P99, double Mean, double Max)
{
    /// <summary>Process CPU time per query (both threads of the process counted).</summary>
    public double CpuMeanMs { get; init; }

    /// <summary>Managed memory allocated per query, in kilobytes (all threads of the process counted).</summary>
    public double AllocatedKilobytesPerQuery { get; init; }

    public static LatencySummary From(List<double> milliseconds)
    {
        milliseconds.Sort();
        double At(double p) => milliseconds.Count == 0 ? 0 : milliseconds[Math.Min(milliseconds.Count - 1, (int)Math.Ceiling(p * milliseconds.Count) - 1)];
        return new LatencySummary(Round(At(0.50)), Round(At(0.95)), Round(At(0.99)),
            Round(milliseconds.Count == 0 ? 0 : milliseconds.Average()), Round(milliseconds.Count == 0 ? 0 : milliseconds[^1]));
    }

    private static double Round(double value) => Math.Round(value, 3);
}
