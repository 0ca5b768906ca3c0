using System.Text.Json;

namespace PolicySearch.IndexTool.Tests;

/// <summary><c>policysearch inspect</c> and <c>bench-ingest</c>: the maintainer's view of what ingestion makes of a file.</summary>
public sealed class InspectCommandTests
{
    private readonly string _root = Cli.RepositoryRoot();

    [Fact]
    public async Task Json_shows_metadata_and_every_passage_with_section_page_and_speaker()
    {
        var (exitCode, output, _) = await Cli.RunAsync(_root, "inspect", Path.Combine("corpus", "003_2b08aebb6071c858.txt"), "--json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        JsonElement metadata = json.RootElement.GetProperty("metadata");
        Assert.Equal("Hässelby-Vällingby stadsdelsnämnd", metadata.GetProperty("nämnd").GetString());
        Assert.Equal("HV 2020/786", metadata.GetProperty("dnrs")[0].GetString());
        JsonElement passage = json.RootElement.GetProperty("passages").EnumerateArray()
            .Single(p => p.GetProperty("text").GetString()!.Contains("bryta en negativ utveckling hos barn och unga", StringComparison.Ordinal));
        Assert.Equal(9, passage.GetProperty("page").GetInt32());
        Assert.Equal("Förebyggande arbete", passage.GetProperty("section").GetString());
        Assert.Equal("Hässelby-Vällingby stadsdelsnämnd", passage.GetProperty("speaker").GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_table_names_each_passages_speaker()
    {
        var (exitCode, output, _) = await Cli.RunAsync(_root, "inspect", Path.Combine("corpus", "002_dcc03598cb1e7b7d.txt"));

        Assert.Equal(0, exitCode);
        Assert.Contains("Ta tillbaka utsatta områden", output, StringComparison.Ordinal);
        Assert.Contains("Vänsterpartiet", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_file_is_a_message_and_exit_code_1()
    {
        string empty = Path.Combine(Path.GetTempPath(), $"policysearch-empty-{Guid.NewGuid():N}.txt");
        await File.WriteAllBytesAsync(empty, []);
        try
        {
            var (exitCode, _, error) = await Cli.RunAsync(_root, "inspect", empty);

            Assert.Equal(1, exitCode);
            Assert.Contains(Path.GetFileName(empty), error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(empty);
        }
    }

    [Fact]
    public async Task Bench_ingest_reports_throughput()
    {
        var (exitCode, output, _) = await Cli.RunAsync(_root, "bench-ingest", "--megabytes", "1");

        Assert.Equal(0, exitCode);
        Assert.Contains("MB/s", output, StringComparison.Ordinal);
    }
}
