using Microsoft.Data.Sqlite;

namespace PolicySearch.Search.Storage;

/// <summary>Creates the tables and decides whether an existing file can be read as this version.</summary>
internal static class IndexSchema
{
    /// <summary>Bump when the tables or the way terms are written change; older files are rebuilt.</summary>
    public const int Version = 2;

    private const string CreateSql = """
        CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS documents(
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            content_hash TEXT NOT NULL,
            title TEXT NOT NULL,
            document_type TEXT,
            date TEXT,
            namnd TEXT,
            forvaltning TEXT,
            dnrs TEXT NOT NULL,
            motion_numbers TEXT NOT NULL,
            clean_text TEXT NOT NULL,
            bytes INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS speakers(
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            kind INTEGER NOT NULL,
            party TEXT NOT NULL DEFAULT '',
            UNIQUE(name, kind, party));
        CREATE TABLE IF NOT EXISTS passages(
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            text TEXT NOT NULL,
            start_offset INTEGER NOT NULL,
            end_offset INTEGER NOT NULL,
            section TEXT,
            page INTEGER,
            speaker_id INTEGER NOT NULL REFERENCES speakers(id));
        CREATE INDEX IF NOT EXISTS passages_document ON passages(document_id);
        CREATE TABLE IF NOT EXISTS passage_vectors(
            passage_id INTEGER PRIMARY KEY REFERENCES passages(id) ON DELETE CASCADE,
            vector BLOB NOT NULL);
        CREATE VIRTUAL TABLE IF NOT EXISTS passage_terms USING fts5(
            title, section, text, derived,
            content='', contentless_delete=1, tokenize="ascii tokenchars '_'");
        """;

    /// <summary>
    /// Makes the file current. Returns a message when an index of another schema version was found and
    /// emptied (it must be re-indexed), otherwise null.
    /// </summary>
    public static string? Ensure(SqliteConnection connection)
    {
        string? found = ReadVersion(connection);
        string? message = null;
        if (found is not null && found != Version.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            message = $"The index was written by schema version {found}; this is version {Version}. " +
                      "It has been emptied and must be re-indexed (run `policysearch index`).";
            Execute(connection, """
                DROP TABLE IF EXISTS passage_terms; DROP TABLE IF EXISTS passage_vectors;
                DROP TABLE IF EXISTS passages; DROP TABLE IF EXISTS speakers;
                DROP TABLE IF EXISTS documents; DROP TABLE IF EXISTS meta;
                VACUUM;
                """);
        }
        // One transaction: a process killed while creating the schema must not leave tables without a version,
        // which the next open would report as an old index to empty.
        using var transaction = connection.BeginTransaction();
        Execute(connection, CreateSql);
        Execute(connection, $"INSERT OR REPLACE INTO meta(key, value) VALUES ('{MetaKeys.SchemaVersion}', '{Version}')");
        transaction.Commit();
        return message;
    }

    private static string? ReadVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'";
        if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
            return HasAnyTable(connection) ? "0" : null;
        command.CommandText = $"SELECT value FROM meta WHERE key = '{MetaKeys.SchemaVersion}'";
        return command.ExecuteScalar() as string ?? "0";
    }

    private static bool HasAnyTable(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table'";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
