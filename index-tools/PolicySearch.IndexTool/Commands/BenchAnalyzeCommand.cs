using System.CommandLine;
using PolicySearch.Analysis;
using Spectre.Console;

namespace PolicySearch.IndexTool.Commands;

/// <summary><c>policysearch bench-analyze [--corpus dir] [--megabytes 50] [--query]</c>: analyzer throughput in MB/s on one thread.</summary>
internal static class BenchAnalyzeCommand
{
    public static Command Create()
    {
        var corpus = new Option<DirectoryInfo>("--corpus") { Description = "Folder of .txt files to analyse", DefaultValueFactory = _ => new DirectoryInfo("corpus") };
        var megabytes = new Option<int>("--megabytes") { Description = "Volume to analyse, in MB of UTF-8", DefaultValueFactory = _ => 50 };
        var query = new Option<bool>("--query") { Description = "Analyse as queries instead of indexed text" };
        var command = new Command("bench-analyze", "Measure the Swedish analyzer's throughput (MB/s, one thread, decompounding on)");
        command.Options.Add(corpus);
        command.Options.Add(megabytes);
        command.Options.Add(query);
        command.SetAction(parseResult =>
        {
            var target = parseResult.GetValue(query) ? AnalysisTarget.Query : AnalysisTarget.Index;
            var result = AnalyzeBenchmark.Run(parseResult.GetRequiredValue(corpus).FullName, parseResult.GetValue(megabytes), target);
            AnsiConsole.MarkupLine($"analysed [bold]{result.Bytes / 1_000_000.0:F1} MB[/] ({result.Tokens:N0} tokens) in {result.Elapsed.TotalSeconds:F2} s: " +
                $"[bold]{result.MegabytesPerSecond:F1} MB/s[/] wall, {result.MegabytesPerCpuSecond:F1} MB/s of CPU time, {result.TokensPerSecond / 1e6:F2} M tokens/s");
            return 0;
        });
        return command;
    }
}
