using System.IO.Compression;
using System.Text.Json;

namespace PolicySearch.IndexTool.Tests;

/// <summary><c>policysearch bench --corpus FILE.jsonl.gz</c>: the build includes the local model, and each stage is timed.</summary>
public sealed class BenchCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _root = Cli.RepositoryRoot();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_jsonl_corpus_is_built_with_vectors_for_every_passage_and_its_stages_reported()
    {
        string corpus = Path.Combine(_folder.Path, "dokument.jsonl.gz");
        await using (var writer = new StreamWriter(new GZipStream(File.Create(corpus), CompressionLevel.Fastest)))
        {
            int id = 0;
            foreach (string file in Directory.GetFiles(Path.Combine(_root, "corpus")).Order(StringComparer.Ordinal))
                await writer.WriteLineAsync(JsonSerializer.Serialize(new { id = $"H{id++}", title = Path.GetFileName(file), text = await File.ReadAllTextAsync(file) }));
        }

        var (exitCode, output, error) = await Cli.RunAsync(_root, "bench", "--corpus", corpus, "--queries", "20", "--json");

        Assert.True(exitCode == 0, error);
        using var json = JsonDocument.Parse(output);
        JsonElement report = json.RootElement;
        int passages = report.GetProperty("passages").GetInt32();
        Assert.True(passages > 0);
        Assert.Equal(passages, report.GetProperty("vectors").GetInt32());
        JsonElement stages = report.GetProperty("buildStages");
        foreach (string stage in new[] { "storing", "analysis", "writing", "fts", "training", "embedding" })
            Assert.True(stages.GetProperty(stage).GetDouble() > 0, $"{stage} was not timed: {stages}");
        Assert.True(stages.GetProperty("fts").GetDouble() <= stages.GetProperty("writing").GetDouble(), $"FTS5 is part of writing: {stages}");
        Assert.True(report.GetProperty("latency").TryGetProperty("semantic", out _));
    }

    [Fact]
    public async Task Measuring_an_index_that_does_not_exist_fails_and_creates_nothing()
    {
        string missing = Path.Combine(_folder.Path, "missing.db");

        var (exitCode, _, error) = await Cli.RunAsync(_root, "bench", "--existing", "--index", missing);

        Assert.Equal(1, exitCode);
        Assert.Contains("no index at", error, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }
}
