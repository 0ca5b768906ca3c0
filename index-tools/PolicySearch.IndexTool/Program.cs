using System.CommandLine;

namespace PolicySearch.IndexTool;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var root = new RootCommand("policysearch: index and search Stockholm policy documents");
        return await root.Parse(args).InvokeAsync();
    }
}
