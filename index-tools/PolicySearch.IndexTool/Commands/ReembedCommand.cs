using System.CommandLine;
using PolicySearch.Search;

namespace PolicySearch.IndexTool.Commands;

/// <summary><c>policysearch reembed [--json]</c>: re-embeds every passage with the configured embedding generator.</summary>
internal static class ReembedCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("reembed", "Re-embed all passages with the configured embedding model (Embeddings section)") { json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var index = await CliSettings.OpenIndexAsync(parseResult, cancellationToken);
            EmbeddingReport report = await index.ReembedAsync(cancellationToken);
            EmbeddingReportPrinter.Print(report, parseResult.GetValue(json));
            return 0;
        });
        return command;
    }
}
