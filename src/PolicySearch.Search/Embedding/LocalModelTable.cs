using System.Globalization;
using Microsoft.Data.Sqlite;
using PolicySearch.Embeddings.Local;

namespace PolicySearch.Search.Embedding;

/// <summary>The local embedding model saved inside the index file (one row), so the index is self-contained.</summary>
internal static class LocalModelTable
{
    public static void Ensure(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS local_embedding_model(
                id INTEGER PRIMARY KEY CHECK (id = 1),
                model_id TEXT NOT NULL,
                trained_passages INTEGER NOT NULL,
                trained_at TEXT NOT NULL,
                model BLOB NOT NULL)
            """;
        command.ExecuteNonQuery();
    }

    public static LocalEmbeddingModel? Load(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT model FROM local_embedding_model WHERE id = 1";
        using var reader = command.ExecuteReader();
        if (!reader.Read())
            return null;
        using Stream blob = reader.GetStream(0);
        return LocalEmbeddingModel.Load(blob);
    }

    public static long Save(SqliteConnection connection, SqliteTransaction transaction, LocalEmbeddingModel model, int trainedPassages)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT OR REPLACE INTO local_embedding_model(id, model_id, trained_passages, trained_at, model)
            VALUES (1, $id, $passages, $at, $model)
            """;
        command.Parameters.AddWithValue("$id", model.ModelId);
        command.Parameters.AddWithValue("$passages", trainedPassages);
        command.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$model", stream.ToArray());
        command.ExecuteNonQuery();
        return stream.Length;
    }
}
