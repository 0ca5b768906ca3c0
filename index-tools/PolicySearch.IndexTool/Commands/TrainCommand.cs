using System.CommandLine;
using PolicySearch.Search;
using Spectre.Console;

namespace PolicySearch.IndexTool.Commands;

/// <summary><c>policysearch train [--json]</c>: retrains the local embedding model from all indexed passages and re-embeds them.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("train", "Retrain the local embedding model from the indexed passages and re-embed them") { json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var index = await CliSettings.OpenIndexAsync(parseResult, cancellationToken);
            EmbeddingReport report = await TrainWithProgressAsync(index, cancellationToken);
            EmbeddingReportPrinter.Print(report, parseResult.GetValue(json));
            return 0;
        });
        return command;
    }

    /// <summary>Trains under a progress bar (training, then embedding N/M passages), or silently when output is redirected.</summary>
    private static async Task<EmbeddingReport> TrainWithProgressAsync(PolicySearchIndex index, CancellationToken cancellationToken)
    {
        if (!EmbeddingProgressBar.CanShow) return await index.TrainEmbeddingModelAsync(cancellationToken: cancellationToken);
        EmbeddingReport? report = null;
        await EmbeddingProgressBar.Display().StartAsync(async context =>
        {
            var bar = new EmbeddingProgressBar(context);
            report = await index.TrainEmbeddingModelAsync(new Progress<EmbeddingProgress>(bar.Show), cancellationToken);
            bar.Complete();
        });
        return report!;
    }
}

/// <summary>Prints what <c>train</c> and <c>reembed</c> did.</summary>
internal static class EmbeddingReportPrinter
{
    public static void Print(EmbeddingReport report, bool json)
    {
        if (json)
        {
            Console.WriteLine(CliSettings.ToJson(report, indented: true));
            return;
        }
        AnsiConsole.MarkupLine($"[green]{report.Passages:N0} passages embedded[/] with [bold]{Markup.Escape(report.Model)}[/] in {report.Elapsed.TotalSeconds:F2} s" +
            (report.ModelBytes > 0 ? $" [grey](training {report.TrainingTime.TotalSeconds:F2} s, model {report.ModelBytes / 1e6:F1} MB)[/]" : ""));
    }
}
