using System.Diagnostics;
using System.Text.Json;

namespace PolicySearch.IndexTool.Tests;

/// <summary>The <c>batch</c> and <c>eval</c> commands on the seed corpus, checked against the shared <c>score.py</c>.</summary>
public sealed class EvalCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _root = Cli.RepositoryRoot();

    [Fact]
    public async Task Eval_agrees_with_score_py_on_the_batch_run()
    {
        string index = Path.Combine(_folder.Path, "index.db");
        string dev = Path.Combine(_root, "eval", "dev.jsonl");
        Assert.Equal(0, (await Cli.RunAsync(_root, "index", "--index", index, "corpus")).ExitCode);

        var batch = await Cli.RunAsync(_root, "batch", dev, "--index", index);
        Assert.Equal(0, batch.ExitCode);
        string run = Path.Combine(_folder.Path, "run.jsonl");
        await File.WriteAllTextAsync(run, batch.Output);
        var ours = await Cli.RunAsync(_root, "eval", dev, "--index", index, "--json");
        Assert.Equal(0, ours.ExitCode);
        string python = await ScorePyAsync(dev, run);

        using var expected = JsonDocument.Parse(python);
        using var actual = JsonDocument.Parse(ours.Output);
        foreach (var kind in expected.RootElement.GetProperty("summary").EnumerateObject())
        {
            foreach (var metric in kind.Value.EnumerateObject())
            {
                var value = actual.RootElement.GetProperty("summary").GetProperty(kind.Name).GetProperty(metric.Name);
                if (metric.Value.ValueKind == JsonValueKind.Null) Assert.Equal(JsonValueKind.Null, value.ValueKind);
                else Assert.Equal(metric.Value.GetDouble(), value.GetDouble(), 9);
            }
        }
        Assert.Equal(expected.RootElement.GetProperty("per").EnumerateObject().Count(), actual.RootElement.GetProperty("per").EnumerateObject().Count());

        // A floor, not the measured figure (README): retrieval must not silently regress on the seed corpus.
        var all = actual.RootElement.GetProperty("summary").GetProperty("all");
        Assert.True(all.GetProperty("ndcg").GetDouble() >= 0.8, "overall nDCG@10 fell below 0.8");
        Assert.Equal(0, all.GetProperty("neg5").GetDouble());
    }

    private async Task<string> ScorePyAsync(string dev, string run)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string arg in new[] { Path.Combine(_root, "eval", "score.py"), dev, run, "--json" }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        string output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return output;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
