using System.CommandLine;
using PolicySearch.IndexTool.Commands;

namespace PolicySearch.IndexTool;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var root = new RootCommand("policysearch: index and search Stockholm policy documents");
        root.Subcommands.Add(AnalyzeCommand.Create());
        return await root.Parse(args).InvokeAsync();
    }
}
