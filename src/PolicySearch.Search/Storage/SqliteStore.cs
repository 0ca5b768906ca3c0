using Microsoft.Data.Sqlite;

namespace PolicySearch.Search.Storage;

/// <summary>Opens connections to the one SQLite file that is the index (WAL, so readers never wait for the writer).</summary>
internal sealed class SqliteStore
{
    // NORMAL is durable across application crashes in WAL mode; only a power loss may drop the last commits.
    // Searches read few pages (keyword postings are held in memory), so a pooled connection keeps a small page
    // cache; the writer, which rewrites FTS segments, gets a large one.
    private const string ConnectionPragmas = "PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -16384;";
    private const string WriterPragmas = "PRAGMA cache_size = -65536;";

    private readonly string _connectionString;

    public SqliteStore(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        string? folder = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Path { get; }

    /// <summary>Creates or upgrades the schema; returns the rebuild message when an old index was emptied.</summary>
    public string? Initialise()
    {
        using var connection = Open();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA journal_mode = WAL";
            command.ExecuteNonQuery();
        }
        return IndexSchema.Ensure(connection);
    }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = ConnectionPragmas;
        command.ExecuteNonQuery();
        return connection;
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = ConnectionPragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>A connection for writing documents, with a page cache large enough for FTS5's segment merges.</summary>
    public async Task<SqliteConnection> OpenForWritingAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = WriterPragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>Releases pooled connections so the file can be deleted or copied.</summary>
    public static void ReleasePool() => SqliteConnection.ClearAllPools();
}
