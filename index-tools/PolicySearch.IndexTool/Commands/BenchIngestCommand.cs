using System.CommandLine;
using System.Diagnostics;
using PolicySearch.Ingestion;
using PolicySearch.Ingestion.Readers;
using Spectre.Console;

namespace PolicySearch.IndexTool.Commands;

/// <summary>
/// <c>policysearch bench-ingest [--corpus dir] [--megabytes 20]</c>: ingestion throughput (read, clean up, metadata,
/// speakers, passages) in MB/s of source text on one thread, over the corpus's documents repeated in memory.
/// </summary>
internal static class BenchIngestCommand
{
    public static Command Create()
    {
        var corpus = new Option<DirectoryInfo>("--corpus") { Description = "Folder of documents to ingest", DefaultValueFactory = _ => new DirectoryInfo("corpus") };
        var megabytes = new Option<int>("--megabytes") { Description = "Volume to ingest, in MB of source text", DefaultValueFactory = _ => 20 };
        var command = new Command("bench-ingest", "Measure ingestion throughput (MB/s of text, one thread)");
        command.Options.Add(corpus);
        command.Options.Add(megabytes);
        command.SetAction(parseResult =>
        {
            var files = parseResult.GetRequiredValue(corpus).EnumerateFiles()
                .Where(f => DocumentReader.IsSupported(f.FullName))
                .Select(f => (Name: f.FullName, Bytes: File.ReadAllBytes(f.FullName)))
                .ToList();
            if (files.Count == 0)
            {
                Console.Error.WriteLine("bench-ingest: no documents in the corpus folder");
                return 1;
            }
            var ingestor = new DocumentIngestor();
            foreach (var file in files)
                ingestor.Ingest(file.Name, file.Bytes); // warm-up: JIT and the gazetteer
            long target = parseResult.GetValue(megabytes) * 1_000_000L;
            long bytes = 0;
            long passages = 0;
            int documents = 0;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            while (bytes < target)
            {
                var file = files[documents % files.Count];
                passages += ingestor.Ingest(file.Name, file.Bytes).Passages.Count;
                bytes += file.Bytes.Length;
                documents++;
            }
            clock.Stop();
            double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            double seconds = clock.Elapsed.TotalSeconds;
            AnsiConsole.MarkupLine($"ingested [bold]{bytes / 1e6:F1} MB[/] ({documents:N0} documents, {passages:N0} passages) in {seconds:F2} s: " +
                $"[bold]{bytes / 1e6 / seconds:F1} MB/s[/] wall, {bytes / 1e6 / cpuSeconds:F1} MB/s of CPU time, {documents / seconds:F0} documents/s, {passages / seconds:F0} passages/s");
            return 0;
        });
        return command;
    }
}
