using System.CommandLine;
using Spectre.Console;

namespace PolicySearch.IndexTool.Commands;

/// <summary><c>policysearch stats [--json]</c>: documents, passages, speakers, vectors and size of the index.</summary>
internal static class StatsCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("stats", "Show what the index holds") { json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var index = await CliSettings.OpenIndexAsync(parseResult, cancellationToken);
            var stats = await index.GetStatsAsync(cancellationToken);
            if (parseResult.GetValue(json))
            {
                Console.WriteLine(CliSettings.ToJson(stats, indented: true));
                return 0;
            }
            var table = new Table().AddColumn("").AddColumn("");
            table.AddRow("index", Markup.Escape(stats.Path));
            table.AddRow("schema version", stats.SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
            table.AddRow("documents", stats.Documents.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
            table.AddRow("passages", stats.Passages.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
            table.AddRow("speakers", stats.Speakers.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
            table.AddRow("vectors", stats.Vectors.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
            table.AddRow("embedding model", Markup.Escape(stats.EmbeddingModel ?? "(none)"));
            table.AddRow("size", $"{stats.FileBytes / 1e6:F1} MB");
            foreach (var type in stats.DocumentTypes)
                table.AddRow("type " + Markup.Escape(type.Value.Length == 0 ? "(unknown)" : type.Value), type.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }
}
