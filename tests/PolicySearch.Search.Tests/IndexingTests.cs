using Microsoft.Data.Sqlite;

namespace PolicySearch.Search.Tests;

public sealed class IndexingTests
{
    [Fact]
    public async Task Reindexing_unchanged_files_skips_them_and_keeps_passages()
    {
        await using var seed = await SeedIndex.IndexedAsync();
        var before = await seed.Index.GetStatsAsync();

        var again = await seed.Index.IndexAsync();

        Assert.Equal(0, again.FilesIndexed);
        Assert.Equal(5, again.FilesUnchanged);
        var after = await seed.Index.GetStatsAsync();
        Assert.Equal(before.Passages, after.Passages);
        Assert.Equal(5, after.Documents);
    }

    [Fact]
    public async Task Changed_file_is_replaced_and_deleted_file_is_pruned()
    {
        await using var seed = await SeedIndex.IndexedAsync();
        string[] files = Directory.GetFiles(seed.CorpusFolder).Order(StringComparer.Ordinal).ToArray();
        await File.AppendAllTextAsync(files[0], "\n\nEtt nytt stycke om zebralagret i stadsdelen.\n");
        File.Delete(files[1]);

        var report = await seed.Index.IndexAsync(prune: true);

        Assert.Equal(1, report.FilesIndexed);
        Assert.Equal(1, report.FilesRemoved);
        Assert.Equal(4, (await seed.Index.GetStatsAsync()).Documents);
        var hits = (await seed.SearchAsync("zebralagret", SearchMode.Keyword)).Hits;
        Assert.Contains(hits, h => h.Text.Contains("zebralagret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_files_are_reported_and_the_rest_indexed()
    {
        await using var seed = await SeedIndex.CreateAsync();
        string missing = Path.Combine(seed.Folder, "nope.txt");

        var report = await seed.Index.IndexAsync([seed.CorpusFolder, missing]);

        Assert.Equal(5, report.FilesIndexed);
        var error = Assert.Single(report.Errors);
        Assert.Equal(missing, error.Path);
        Assert.False(report.NothingIndexed);
    }

    [Fact]
    public async Task Index_of_an_older_schema_version_is_emptied_with_a_message()
    {
        await using var seed = await SeedIndex.IndexedAsync();
        await using (var connection = new SqliteConnection($"Data Source={seed.IndexPath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE meta SET value = '0' WHERE key = 'schema_version'";
            await command.ExecuteNonQueryAsync();
        }

        await seed.ReopenAsync();

        Assert.Contains("schema version 0", seed.Index.RebuildMessage, StringComparison.Ordinal);
        Assert.Equal(0, (await seed.Index.GetStatsAsync()).Passages);
        var report = await seed.Index.IndexAsync();
        Assert.Equal(5, report.FilesIndexed);
    }
}
