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
    double WarmUpSeconds);

/// <summary>Query latency percentiles in milliseconds (warm, one thread).</summary>
internal sealed record LatencySummary(double P50, double P95, double P99, double Mean, double Max)
{
    /// <summary>Process CPU time per query (both threads of the process counted).</summary>
    public double CpuMeanMs { get; init; }

    public static LatencySummary From(List<double> milliseconds)
    {
        milliseconds.Sort();
        double At(double p) => milliseconds.Count == 0 ? 0 : milliseconds[Math.Min(milliseconds.Count - 1, (int)Math.Ceiling(p * milliseconds.Count) - 1)];
        return new LatencySummary(Round(At(0.50)), Round(At(0.95)), Round(At(0.99)),
            Round(milliseconds.Count == 0 ? 0 : milliseconds.Average()), Round(milliseconds.Count == 0 ? 0 : milliseconds[^1]));
    }

    private static double Round(double value) => Math.Round(value, 3);
}
