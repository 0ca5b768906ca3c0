using System.CommandLine;
using PolicySearch.Search;
using Spectre.Console;

namespace PolicySearch.IndexTool.Commands;

/// <summary><c>policysearch index [PATHS…] [--prune]</c>: brings the index up to date with files and folders.</summary>
internal static class IndexCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders (default: IndexOptions:CorpusPath)", Arity = ArgumentArity.ZeroOrMore };
        var prune = new Option<bool>("--prune") { Description = "Remove documents whose file no longer exists" };
        var jsonl = new Option<FileInfo?>("--jsonl") { Description = "Also index a JSONL document stream, gzipped or plain (id, title, date, author, text)" };
        var command = new Command("index", "Index files and folders (incremental: unchanged files are skipped)") { paths, prune, jsonl };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var index = await CliSettings.OpenIndexAsync(parseResult, cancellationToken);
            string[] files = parseResult.GetValue(paths) ?? [];
            var reports = new List<IndexReport>();
            if (parseResult.GetValue(jsonl) is { } stream)
                reports.Add(await RunWithProgressAsync(progress => index.IndexJsonlAsync(stream.FullName, progress, cancellationToken)));
            // With only --jsonl given, the corpus folder is not indexed as well.
            if (files.Length > 0 || reports.Count == 0)
                reports.Add(await RunWithProgressAsync(progress => index.IndexAsync(files, parseResult.GetValue(prune), progress, cancellationToken)));
            foreach (var report in reports) PrintReport(report);
            return reports.TrueForAll(r => r.NothingIndexed) ? 1 : 0;
        });
        return command;
    }

    /// <summary>
    /// Runs an indexing job under a progress bar (files, passages, MB/s; then training and embedding when the run trains
    /// the local model), or silently when output is redirected.
    /// </summary>
    public static async Task<IndexReport> RunWithProgressAsync(Func<IProgress<IndexProgress>?, Task<IndexReport>> run)
    {
        if (!EmbeddingProgressBar.CanShow) return await run(null);
        IndexReport? report = null;
        await EmbeddingProgressBar.Display()
            .StartAsync(async context =>
            {
                var task = context.AddTask("indexing");
                var embedding = new EmbeddingProgressBar(context);
                var progress = new Progress<IndexProgress>(p =>
                {
                    if (p.Embedding is { } e)
                    {
                        if (!embedding.Started) task.Value = task.MaxValue; // every file is stored once training starts
                        embedding.Show(e);
                        return;
                    }
                    if (p.FilesTotal is { } total) task.MaxValue = Math.Max(1, total);
                    task.Value = p.FilesDone;
                    task.Description = $"{p.FilesDone} files, {p.Passages} passages, {p.MegabytesPerSecond:F1} MB/s";
                });
                report = await run(progress);
                task.Value = task.MaxValue;
                embedding.Complete();
            });
        return report!;
    }

    private static void PrintReport(IndexReport report)
    {
        Console.Error.WriteLine(
            $"indexed {report.FilesIndexed} files ({report.Passages} passages), {report.FilesUnchanged} unchanged, " +
            $"{report.FilesRemoved} removed, {report.Errors.Count} errors in {report.Elapsed.TotalSeconds:F1} s " +
            $"({report.Bytes / 1e6 / Math.Max(0.001, report.Elapsed.TotalSeconds):F1} MB/s)");
        if (report.Embedding is { } embedding)
            Console.Error.WriteLine($"trained the local model and embedded {embedding.Passages} passages in {embedding.Elapsed.TotalSeconds:F1} s " +
                $"(training {embedding.TrainingTime.TotalSeconds:F1} s, model {embedding.ModelBytes / 1e6:F1} MB)");
        if (report.Errors.Count == 0) return;
        var table = new Table().AddColumn("file").AddColumn("error");
        foreach (var error in report.Errors) table.AddRow(Markup.Escape(error.Path), Markup.Escape(error.Message));
        AnsiConsole.Console.Profile.Out = new AnsiConsoleOutput(Console.Error);
        AnsiConsole.Write(table);
    }
}
