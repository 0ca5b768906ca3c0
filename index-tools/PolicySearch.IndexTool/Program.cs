using System.CommandLine;
using PolicySearch.IndexTool.Commands;

namespace PolicySearch.IndexTool;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var root = new RootCommand("policysearch: index and search Stockholm policy documents");
        root.Options.Add(CliSettings.IndexPath);
        root.Subcommands.Add(IndexCommand.Create());
        root.Subcommands.Add(SearchCommand.Create());
        root.Subcommands.Add(BatchCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(StatsCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(AnalyzeCommand.Create());
        root.Subcommands.Add(InspectCommand.Create());
        root.Subcommands.Add(BenchIngestCommand.Create());
        root.Subcommands.Add(BenchAnalyzeCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(ReembedCommand.Create());
        root.Subcommands.Add(SimilarCommand.Create());
        return await root.Parse(args).InvokeAsync();
    }
}
