using System.Diagnostics;
using System.Text;
using PolicySearch.Analysis;

namespace PolicySearch.IndexTool.Commands;

/// <summary>Analyzer throughput on one thread: the corpus's paragraphs analysed again and again until a volume is reached.</summary>
internal static class AnalyzeBenchmark
{
    /// <summary>What one run measured.</summary>
    /// <remarks>On a shared machine wall time includes waiting for a core; CPU time is what the analyzer used.</remarks>
    internal sealed record Result(long Bytes, long Tokens, TimeSpan Elapsed, TimeSpan CpuTime)
    {
        public double MegabytesPerSecond => Bytes / 1_000_000.0 / Elapsed.TotalSeconds;

        public double MegabytesPerCpuSecond => Bytes / 1_000_000.0 / CpuTime.TotalSeconds;

        public double TokensPerSecond => Tokens / Elapsed.TotalSeconds;
    }

    /// <summary>Analyses the paragraphs of the <c>*.txt</c> files in <paramref name="corpusDirectory"/>, repeated to at least <paramref name="megabytes"/> MB of UTF-8.</summary>
    public static Result Run(string corpusDirectory, int megabytes, AnalysisTarget target = AnalysisTarget.Index)
    {
        var paragraphs = Directory.EnumerateFiles(corpusDirectory, "*.txt")
            .Order(StringComparer.Ordinal)
            .SelectMany(path => File.ReadAllText(path).Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
            .ToArray();
        long corpusBytes = paragraphs.Sum(p => (long)Encoding.UTF8.GetByteCount(p));
        if (corpusBytes == 0)
        {
            throw new InvalidOperationException($"No text in {corpusDirectory}/*.txt to analyse.");
        }
        var analyzer = new SwedishAnalyzer();
        foreach (string paragraph in paragraphs)
        {
            analyzer.Analyze(paragraph, target); // warm-up: loads the lexicon, JIT-compiles the chain
        }
        long rounds = (megabytes * 1_000_000L + corpusBytes - 1) / corpusBytes;
        long tokens = 0;
        using var process = Process.GetCurrentProcess();
        TimeSpan cpuBefore = process.TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        for (long round = 0; round < rounds; round++)
        {
            foreach (string paragraph in paragraphs)
            {
                tokens += analyzer.Analyze(paragraph, target).Count;
            }
        }
        TimeSpan elapsed = stopwatch.Elapsed;
        process.Refresh();
        return new Result(rounds * corpusBytes, tokens, elapsed, process.TotalProcessorTime - cpuBefore);
    }
}
