using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using PolicySearch.Ingestion;
using PolicySearch.Search.Indexing;

namespace PolicySearch.Search.Storage;

/// <summary>
/// Writes and removes whole documents. Each call is one transaction, so a crash at any moment leaves either
/// the old or the new version of a document, never a part of one.
/// </summary>
internal static class DocumentWriter
{
    /// <summary>The stored content hash per path, to skip unchanged files.</summary>
    public static Dictionary<string, string> ReadHashes(SqliteConnection connection)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT path, content_hash FROM documents";
        using var reader = command.ExecuteReader();
        while (reader.Read()) hashes[reader.GetString(0)] = reader.GetString(1);
        return hashes;
    }

    public static void WriteMeta(SqliteConnection connection, string key, string value)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT OR REPLACE INTO meta(key, value) VALUES ($key, $value)";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$value", value);
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Writes <paramref name="batch"/> in one transaction: each document stays whole, and FTS5 flushes and merges
    /// its segments once per batch instead of once per document, which is most of the cost of small documents.
    /// Returns the time spent in FTS5: its inserts and the commit, where it flushes its pending terms.
    /// </summary>
    public static TimeSpan Write(SqliteConnection connection, IReadOnlyList<PreparedDocument> batch)
    {
        long ftsTicks = 0;
        using var transaction = connection.BeginTransaction();
        var speakerIds = new Dictionary<Speaker, long>();

        using var passage = connection.CreateCommand();
        passage.Transaction = transaction;
        passage.CommandText = """
            INSERT INTO passages(document_id, ordinal, text, start_offset, end_offset, section, page, speaker_id)
            VALUES ($document, $ordinal, $text, $start, $end, $section, $page, $speaker) RETURNING id
            """;
        var pOrdinal = passage.Parameters.Add("$ordinal", SqliteType.Integer);
        var pText = passage.Parameters.Add("$text", SqliteType.Text);
        var pStart = passage.Parameters.Add("$start", SqliteType.Integer);
        var pEnd = passage.Parameters.Add("$end", SqliteType.Integer);
        var pSection = passage.Parameters.Add("$section", SqliteType.Text);
        var pPage = passage.Parameters.Add("$page", SqliteType.Integer);
        var pSpeaker = passage.Parameters.Add("$speaker", SqliteType.Integer);
        var pDocument = passage.Parameters.Add("$document", SqliteType.Integer);

        using var terms = connection.CreateCommand();
        terms.Transaction = transaction;
        terms.CommandText = "INSERT INTO passage_terms(rowid, title, section, text, derived) VALUES ($id, $title, $section, $text, $derived)";
        var tId = terms.Parameters.Add("$id", SqliteType.Integer);
        var tTitle = terms.Parameters.Add("$title", SqliteType.Text);
        var tSection = terms.Parameters.Add("$section", SqliteType.Text);
        var tText = terms.Parameters.Add("$text", SqliteType.Text);
        var tDerived = terms.Parameters.Add("$derived", SqliteType.Text);

        using var vector = connection.CreateCommand();
        vector.Transaction = transaction;
        vector.CommandText = "INSERT INTO passage_vectors(passage_id, vector) VALUES ($id, $vector)";
        var vId = vector.Parameters.Add("$id", SqliteType.Integer);
        var vBlob = vector.Parameters.Add("$vector", SqliteType.Blob);

        foreach (var prepared in batch)
        {
            DeleteDocument(connection, transaction, prepared.Path);
            pDocument.Value = InsertDocument(connection, transaction, prepared);
            var passages = prepared.Document.Passages;
            for (int i = 0; i < passages.Count; i++)
            {
                var p = passages[i];
                if (!speakerIds.TryGetValue(p.Speaker, out long speakerId))
                    speakerIds[p.Speaker] = speakerId = UpsertSpeaker(connection, transaction, p.Speaker);
                pOrdinal.Value = p.Ordinal;
                pText.Value = p.Text;
                pStart.Value = p.Start;
                pEnd.Value = p.End;
                pSection.Value = (object?)p.Section ?? DBNull.Value;
                pPage.Value = (object?)p.Page ?? DBNull.Value;
                pSpeaker.Value = speakerId;
                long passageId = Convert.ToInt64(passage.ExecuteScalar(), CultureInfo.InvariantCulture);

                var t = prepared.Terms[i];
                tId.Value = passageId;
                tTitle.Value = t.Title;
                tSection.Value = t.Section;
                tText.Value = t.Text;
                tDerived.Value = t.Derived;
                long start = Stopwatch.GetTimestamp();
                terms.ExecuteNonQuery();
                ftsTicks += Stopwatch.GetTimestamp() - start;

                if (prepared.Vectors is { } vectors)
                {
                    vId.Value = passageId;
                    vBlob.Value = MemoryMarshal.AsBytes(vectors[i].Span).ToArray();
                    vector.ExecuteNonQuery();
                }
            }
        }
        BumpGeneration(connection, transaction);
        long commit = Stopwatch.GetTimestamp();
        transaction.Commit();
        ftsTicks += Stopwatch.GetTimestamp() - commit;
        return Stopwatch.GetElapsedTime(0, ftsTicks);
    }

    /// <summary>Removes the document stored under <paramref name="path"/>; returns whether there was one.</summary>
    public static bool Delete(SqliteConnection connection, string path)
    {
        using var transaction = connection.BeginTransaction();
        bool deleted = DeleteDocument(connection, transaction, path);
        if (deleted) BumpGeneration(connection, transaction);
        transaction.Commit();
        return deleted;
    }

    /// <summary>
    /// The data generation a reader sees in its snapshot: in-memory structures built from the data (keyword postings,
    /// facets) are kept per generation, so they always agree with the rows the same search reads, even while
    /// another process writes.
    /// </summary>
    public static long ReadGeneration(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT value FROM meta WHERE key = '{MetaKeys.DataGeneration}'";
        return command.ExecuteScalar() is string value ? long.Parse(value, CultureInfo.InvariantCulture) : 0;
    }

    private static void BumpGeneration(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            INSERT INTO meta(key, value) VALUES ('{MetaKeys.DataGeneration}', '1')
            ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)
            """;
        command.ExecuteNonQuery();
    }

    private static bool DeleteDocument(SqliteConnection connection, SqliteTransaction transaction, string path)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.Parameters.AddWithValue("$path", path);
        // The FTS table is contentless, so its rows go first, while the passage ids are still known.
        command.CommandText = """
            DELETE FROM passage_terms WHERE rowid IN
                (SELECT p.id FROM passages p JOIN documents d ON d.id = p.document_id WHERE d.path = $path);
            DELETE FROM documents WHERE path = $path;
            """;
        command.ExecuteNonQuery();
        command.CommandText = "SELECT changes()";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    private static long InsertDocument(SqliteConnection connection, SqliteTransaction transaction, PreparedDocument prepared)
    {
        var metadata = prepared.Document.Metadata;
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO documents(path, content_hash, title, document_type, date, namnd, forvaltning, dnrs, motion_numbers, clean_text, bytes)
            VALUES ($path, $hash, $title, $type, $date, $namnd, $forvaltning, $dnrs, $motions, $text, $bytes) RETURNING id
            """;
        command.Parameters.AddWithValue("$path", prepared.Path);
        command.Parameters.AddWithValue("$hash", prepared.Document.ContentHash);
        command.Parameters.AddWithValue("$title", metadata.Title);
        command.Parameters.AddWithValue("$type", (object?)metadata.DocumentType ?? DBNull.Value);
        command.Parameters.AddWithValue("$date", (object?)metadata.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? DBNull.Value);
        command.Parameters.AddWithValue("$namnd", (object?)metadata.Nämnd ?? DBNull.Value);
        command.Parameters.AddWithValue("$forvaltning", (object?)metadata.Förvaltning ?? DBNull.Value);
        command.Parameters.AddWithValue("$dnrs", string.Join('\n', metadata.Dnrs));
        command.Parameters.AddWithValue("$motions", string.Join('\n', metadata.MotionNumbers));
        command.Parameters.AddWithValue("$text", prepared.Document.CleanText);
        command.Parameters.AddWithValue("$bytes", prepared.Bytes);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static long UpsertSpeaker(SqliteConnection connection, SqliteTransaction transaction, Speaker speaker)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO speakers(name, kind, party) VALUES ($name, $kind, $party)
            ON CONFLICT(name, kind, party) DO UPDATE SET name = excluded.name RETURNING id
            """;
        command.Parameters.AddWithValue("$name", speaker.Name);
        command.Parameters.AddWithValue("$kind", (int)speaker.Kind);
        command.Parameters.AddWithValue("$party", speaker.Party ?? "");
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
