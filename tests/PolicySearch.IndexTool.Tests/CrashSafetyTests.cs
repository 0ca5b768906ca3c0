using Microsoft.Data.Sqlite;

namespace PolicySearch.IndexTool.Tests;

/// <summary>Kills the indexer (SIGKILL) while it writes and checks that the index is consistent and the next run completes it.</summary>
public sealed class CrashSafetyTests : IDisposable
{
    private const int Copies = 30;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "policysearch-crash-" + Guid.NewGuid().ToString("N"));

    public CrashSafetyTests()
    {
        // Many distinct documents (each copy of a seed file gets its own last line) so indexing takes a while.
        string corpus = Path.Combine(_folder, "corpus");
        Directory.CreateDirectory(corpus);
        foreach (string file in Directory.GetFiles(Path.Combine(Cli.RepositoryRoot(), "corpus")))
            for (int copy = 0; copy < Copies; copy++)
                File.WriteAllText(Path.Combine(corpus, $"{copy:D3}-{Path.GetFileName(file)}"), File.ReadAllText(file) + $"\n\nKopia nummer {copy}.\n");
    }

    [Fact]
    public async Task Killed_indexing_leaves_whole_documents_and_the_next_run_completes()
    {
        string reference = Path.Combine(_folder, "reference.db");
        Assert.Equal(0, (await Cli.RunAsync(_folder, "index", "--index", reference, "corpus")).ExitCode);
        var expected = PassagesPerDocument(reference);
        Assert.Equal(5 * Copies, expected.Count);

        string crashed = Path.Combine(_folder, "crashed.db");
        var random = new Random(20261122);
        for (int kill = 0; kill < 3; kill++)
        {
            using var process = Cli.Start(_folder, "index", "--index", crashed, "corpus");
            // Kill while documents are being written: once the first has been committed, after a random pause.
            while (!process.HasExited && DocumentCount(crashed) == 0) await Task.Delay(20);
            await Task.Delay(random.Next(0, 400));
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();

            AssertConsistent(crashed, expected);
        }
        Assert.Equal(0, (await Cli.RunAsync(_folder, "index", "--index", crashed, "corpus")).ExitCode);

        Assert.Equal(expected, PassagesPerDocument(crashed));
        AssertConsistent(crashed, expected);
    }

    private static void AssertConsistent(string path, Dictionary<string, long> expected)
    {
        if (!File.Exists(path)) return;
        using var connection = Open(path);
        Assert.Equal("ok", Scalar(connection, "PRAGMA integrity_check"));
        // Every stored document is whole: exactly the passages an uninterrupted run gives it, each with its terms row.
        foreach (var (document, passages) in PassagesPerDocument(path))
            Assert.Equal(expected[document], passages);
        Assert.Equal(Scalar(connection, "SELECT count(*) FROM passages"), Scalar(connection, "SELECT count(*) FROM passage_terms"));
    }

    private static long DocumentCount(string path)
    {
        if (!File.Exists(path)) return 0;
        try
        {
            using var connection = Open(path);
            return Convert.ToInt64(Scalar(connection, "SELECT count(*) FROM documents"), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            return 0; // the schema is still being created
        }
    }

    private static Dictionary<string, long> PassagesPerDocument(string path)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT d.path, (SELECT count(*) FROM passages p WHERE p.document_id = d.id) FROM documents d";
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
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
        Directory.Delete(_folder, recursive: true);
    }
}
