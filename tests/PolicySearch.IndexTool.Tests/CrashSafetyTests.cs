using Microsoft.Data.Sqlite;

namespace PolicySearch.IndexTool.Tests;

/// <summary>Kills the indexer (SIGKILL) while it writes and checks that the index is consistent and the next run completes it.</summary>
public sealed class CrashSafetyTests : IDisposable
{
    private const int Copies = 10;
    private const int Kills = 20;
    private readonly TempFolder _folder = new();

    public CrashSafetyTests()
    {
        // Many distinct documents (each copy of a seed file gets its own last line) so indexing takes a while.
        string corpus = Path.Combine(_folder.Path, "corpus");
        Directory.CreateDirectory(corpus);
        foreach (string file in Directory.GetFiles(Path.Combine(Cli.RepositoryRoot(), "corpus")))
            for (int copy = 0; copy < Copies; copy++)
                File.WriteAllText(Path.Combine(corpus, $"{copy:D3}-{Path.GetFileName(file)}"), File.ReadAllText(file) + $"\n\nKopia nummer {copy}.\n");
    }

    [Fact]
    public async Task Killed_indexing_leaves_whole_documents_and_the_next_run_completes()
    {
        string reference = Path.Combine(_folder.Path, "reference.db");
        Assert.Equal(0, (await Cli.RunAsync(_folder.Path, "index", "--index", reference, "corpus")).ExitCode);
        var expected = PassagesPerDocument(reference);
        Assert.Equal(5 * Copies, expected.Count);

        string crashed = Path.Combine(_folder.Path, "crashed.db");
        var random = new Random(20261122);
        int partial = 0;
        for (int kill = 0; kill < Kills; kill++)
        {
            // Every fourth kill starts over from no index (as does a complete one), the others hit a run resuming a killed one.
            int stored = StoredDocuments(crashed);
            if (kill % 4 == 0 || stored == expected.Count)
            {
                DeleteIndex(crashed);
                stored = 0;
            }
            // A random point by progress, not by time, so kills land mid-run however loaded the machine is:
            // once a random number of further documents is committed, after a random pause of up to a document's write.
            int target = stored + random.Next(0, expected.Count - stored);
            using var process = Cli.Start(_folder.Path, "index", "--index", crashed, "corpus");
            // Drained so that a full output pipe never stalls the run before the kill.
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            while (!process.HasExited && StoredDocuments(crashed) <= target) await Task.Delay(10);
            await Task.Delay(random.Next(0, 100));
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            await Task.WhenAll(output, error);

            AssertConsistent(crashed, expected);
            if (StoredDocuments(crashed) is > 0 and var now && now < expected.Count) partial++;
        }
        // The test means something only if kills landed while documents were being written.
        Assert.True(partial > 0, "no kill landed mid-run");
        Assert.Equal(0, (await Cli.RunAsync(_folder.Path, "index", "--index", crashed, "corpus")).ExitCode);

        Assert.Equal(expected, PassagesPerDocument(crashed));
        AssertConsistent(crashed, expected);
    }

    private static void DeleteIndex(string path)
    {
        foreach (string suffix in new[] { "", "-wal", "-shm" })
            File.Delete(path + suffix);
    }

    /// <summary>Documents committed so far; 0 while the file or its schema is still being created.</summary>
    private static int StoredDocuments(string path)
    {
        if (!File.Exists(path)) return 0;
        try { return PassagesPerDocument(path).Count; }
        catch (SqliteException) { return 0; }
    }

    private static void AssertConsistent(string path, Dictionary<string, long> expected)
    {
        if (!File.Exists(path)) return;
        using var connection = Open(path);
        Assert.Equal("ok", Scalar(connection, "PRAGMA integrity_check"));
        // Every stored document is whole: exactly the passages an uninterrupted run gives it, each with its terms row.
        var stored = PassagesPerDocument(path);
        foreach (var (document, passages) in stored)
            Assert.Equal(expected[document], passages);
        if (stored.Count > 0)
            Assert.Equal(Scalar(connection, "SELECT count(*) FROM passages"), Scalar(connection, "SELECT count(*) FROM passage_terms"));
    }

    private static Dictionary<string, long> PassagesPerDocument(string path)
    {
        using var connection = Open(path);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        // Killed while the schema was being created: no documents yet.
        if (Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE name = 'passage_terms'") is 0L) return counts;
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT d.path, (SELECT count(*) FROM passages p WHERE p.document_id = d.id) FROM documents d";
        using var reader = command.ExecuteReader();
        while (reader.Read()) counts[Path.GetFileName(reader.GetString(0))] = reader.GetInt64(1);
        return counts;
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
