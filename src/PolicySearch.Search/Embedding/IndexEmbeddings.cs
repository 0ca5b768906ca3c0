using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.AI;
using PolicySearch.Embeddings;
using PolicySearch.Embeddings.Local;
using PolicySearch.Embeddings.OpenAI;
using PolicySearch.Search.Retrieval;
using PolicySearch.Search.Storage;

namespace PolicySearch.Search.Embedding;

/// <summary>
/// The index's embedding generator and its model lifecycle. With the local provider the model lives in the
/// index file: it is trained from the indexed passages the first time there are any, later passages are
/// embedded with it as they come (no retraining), and <see cref="TrainAsync"/> retrains on demand. With an
/// OpenAI-compatible server the configured model is used. Either way the index records which model made its
/// vectors, and a generator of another model is refused until <see cref="ReembedAsync"/> has run, so
/// vectors of two models never mix. Thread-safe.
/// </summary>
internal sealed class IndexEmbeddings(EmbeddingsOptions options, HttpClient? httpClient) : IEmbeddingGenerator<string, Embedding<float>>
{
    private SqliteStore? _store;
    private IEmbeddingGenerator<string, Embedding<float>>? _current;

    /// <summary>False while the local model has not been trained yet (no passages indexed).</summary>
    public bool IsReady => Volatile.Read(ref _current) is not null;

    /// <summary>How an index names the model of its vectors: model id and dimensions.</summary>
    public static string Identity(IEmbeddingGenerator generator)
    {
        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();
        string model = metadata?.DefaultModelId ?? metadata?.ProviderName ?? "unknown";
        string dimensions = metadata?.DefaultModelDimensions?.ToString(CultureInfo.InvariantCulture) ?? "?";
        return $"{model}/{dimensions}";
    }

    /// <summary>Binds to the index file and loads the model saved in it, if any.</summary>
    public void Attach(SqliteStore store)
    {
        _store = store;
        using var connection = store.Open();
        LocalModelTable.Ensure(connection);
        Volatile.Write(ref _current, options.Provider switch
        {
            EmbeddingProvider.OpenAI => new QueryCachingEmbeddingGenerator(new OpenAIEmbeddingGenerator(options, httpClient)),
            _ => LocalModelTable.Load(connection) is { } model ? new LocalEmbeddingGenerator(model) : null,
        });
    }

    /// <inheritdoc />
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        IEmbeddingGenerator<string, Embedding<float>> current = await CompatibleAsync(cancellationToken);
        return await current.GenerateAsync(values, options, cancellationToken);
    }

    /// <summary>After indexing: trains the local model when there is none yet and there are passages now.</summary>
    public async Task<EmbeddingReport?> EnsureTrainedAsync(IProgress<EmbeddingProgress>? progress, CancellationToken cancellationToken)
    {
        if (options.Provider != EmbeddingProvider.Local || IsReady)
            return null;
        using SqliteConnection connection = await Store.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS(SELECT 1 FROM passages)";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) == 0 ? null : await TrainAsync(progress, cancellationToken);
    }

    /// <summary>Trains the local model from the indexed passages (a seeded sample of a big corpus) and re-embeds them all, in one transaction.</summary>
    public async Task<EmbeddingReport> TrainAsync(IProgress<EmbeddingProgress>? progress, CancellationToken cancellationToken)
    {
        if (options.Provider != EmbeddingProvider.Local)
            throw new EmbeddingException(EmbeddingFailure.NotConfigured,
                "Embeddings:Provider is OpenAI, so there is no local model to train; run `policysearch reembed` to re-embed with the configured model.");
        using SqliteConnection connection = await Store.OpenAsync(cancellationToken);
        List<(long Id, string Text)> passages = ReadPassages(connection);
        var clock = Stopwatch.StartNew();
        progress?.Report(new EmbeddingProgress(Training: true, 0, passages.Count, clock.Elapsed));
        var settings = new LocalModelSettings { Dimensions = options.Dimensions };
        LocalEmbeddingModel model = await Task.Run(() => LocalEmbeddingModel.Train(passages.ConvertAll(p => p.Text), settings, cancellationToken), cancellationToken);
        TimeSpan trainingTime = clock.Elapsed;
        var generator = new LocalEmbeddingGenerator(model);
        float[][] vectors = await EmbedAllAsync(generator, passages, progress, clock, cancellationToken);
        long modelBytes = Write(connection, passages, vectors, Identity(generator), transaction =>
            LocalModelTable.Save(connection, transaction, model, passages.Count));
        Volatile.Write(ref _current, generator);
        return new EmbeddingReport(Identity(generator), passages.Count, trainingTime, clock.Elapsed, modelBytes);
    }

    /// <summary>
    /// Re-embeds every passage with the configured generator (training the local model first if there is
    /// none). All vectors are made before any is written, so a failure leaves the index as it was.
    /// </summary>
    public async Task<EmbeddingReport> ReembedAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _current) is not { } current)
            return await TrainAsync(progress: null, cancellationToken);
        using SqliteConnection connection = await Store.OpenAsync(cancellationToken);
        List<(long Id, string Text)> passages = ReadPassages(connection);
        var clock = Stopwatch.StartNew();
        float[][] vectors = await EmbedAllAsync(current, passages, progress: null, clock, cancellationToken);
        Write(connection, passages, vectors, Identity(current), _ => 0);
        return new EmbeddingReport(Identity(current), passages.Count, TimeSpan.Zero, clock.Elapsed, 0);
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is null && serviceType.IsInstanceOfType(this))
            return this;
        return Volatile.Read(ref _current)?.GetService(serviceType, serviceKey);
    }

    /// <inheritdoc />
    public void Dispose() => Volatile.Read(ref _current)?.Dispose();

    private SqliteStore Store => _store ?? throw new InvalidOperationException("Attach the generator to an index first.");

    /// <summary>The current generator, once sure the index's vectors were made by its model.</summary>
    private async Task<IEmbeddingGenerator<string, Embedding<float>>> CompatibleAsync(CancellationToken cancellationToken)
    {
        IEmbeddingGenerator<string, Embedding<float>> current = Volatile.Read(ref _current)
            ?? throw new EmbeddingException(EmbeddingFailure.NoModel,
                "There is no embedding model yet: the local model is trained when passages are indexed (or run `policysearch train`).");
        using SqliteConnection connection = await Store.OpenAsync(cancellationToken);
        string? recorded = ReadRecorded(connection);
        if (recorded == Identity(current))
            return current;
        if (recorded is null || !HasVectors(connection))
        {
            // The first vectors are about to be written: they are this model's.
            Record(connection, transaction: null, Identity(current));
            return current;
        }
        if (options.Provider == EmbeddingProvider.Local)
        {
            // Another process (`policysearch train`) may have retrained the model in this index: pick it up.
            Attach(Store);
            if (Volatile.Read(ref _current) is { } reloaded && Identity(reloaded) == recorded)
                return reloaded;
        }
        throw new EmbeddingException(EmbeddingFailure.ModelMismatch,
            $"The index's vectors were made by '{recorded}', but the configured embedding model is '{Identity(current)}'. " +
            "Run `policysearch reembed` to re-embed all passages with the configured model, or configure the model the index was built with.");
    }

    /// <summary>
    /// Every passage's vector, in passage order. The local model is CPU-bound, so its batches run on all cores;
    /// a server gets one request at a time.
    /// </summary>
    private async Task<float[][]> EmbedAllAsync(IEmbeddingGenerator<string, Embedding<float>> generator, List<(long Id, string Text)> passages,
        IProgress<EmbeddingProgress>? progress, Stopwatch clock, CancellationToken cancellationToken)
    {
        var vectors = new float[passages.Count][];
        int batchSize = Math.Max(1, options.BatchSize), embedded = 0;
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = generator is LocalEmbeddingGenerator ? Environment.ProcessorCount : 1,
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(Enumerable.Range(0, (passages.Count + batchSize - 1) / batchSize), parallel, async (batch, ct) =>
        {
            int start = batch * batchSize, count = Math.Min(batchSize, passages.Count - start);
            GeneratedEmbeddings<Embedding<float>> generated = await generator.GenerateAsync(
                passages.GetRange(start, count).Select(p => p.Text), cancellationToken: ct);
            if (generated.Count != count)
                throw new EmbeddingException(EmbeddingFailure.MalformedResponse, $"The embedding generator returned {generated.Count} vectors for {count} passages.");
            for (int i = 0; i < count; i++)
                vectors[start + i] = VectorMath.Normalised(generated[i].Vector).ToArray();
            progress?.Report(new EmbeddingProgress(Training: false, Interlocked.Add(ref embedded, count), passages.Count, clock.Elapsed));
        });
        return vectors;
    }

    /// <summary>Replaces all vectors and records their model, with <paramref name="alsoWrite"/>, in one transaction.</summary>
    private static long Write(SqliteConnection connection, List<(long Id, string Text)> passages, float[][] vectors, string identity, Func<SqliteTransaction, long> alsoWrite)
    {
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM passage_vectors";
        command.ExecuteNonQuery();
        command.CommandText = "INSERT INTO passage_vectors(passage_id, vector) VALUES ($id, $vector)";
        var id = command.Parameters.Add("$id", SqliteType.Integer);
        var vector = command.Parameters.Add("$vector", SqliteType.Blob);
        for (int i = 0; i < passages.Count; i++)
        {
            id.Value = passages[i].Id;
            vector.Value = MemoryMarshal.AsBytes(vectors[i].AsSpan()).ToArray();
            command.ExecuteNonQuery();
        }
        Record(connection, transaction, identity);
        long written = alsoWrite(transaction);
        transaction.Commit();
        return written;
    }

    /// <summary>All passages in a stable order (document path, ordinal), so training is reproducible.</summary>
    private static List<(long Id, string Text)> ReadPassages(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT p.id, p.text FROM passages p JOIN documents d ON d.id = p.document_id ORDER BY d.path, p.ordinal";
        var passages = new List<(long, string)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            passages.Add((reader.GetInt64(0), reader.GetString(1)));
        return passages;
    }

    private static void Record(SqliteConnection connection, SqliteTransaction? transaction, string identity)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT OR REPLACE INTO meta(key, value) VALUES ($key, $value)";
        command.Parameters.AddWithValue("$key", MetaKeys.EmbeddingModel);
        command.Parameters.AddWithValue("$value", identity);
        command.ExecuteNonQuery();
    }

    private static string? ReadRecorded(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = $key";
        command.Parameters.AddWithValue("$key", MetaKeys.EmbeddingModel);
        return command.ExecuteScalar() as string;
    }

    private static bool HasVectors(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS(SELECT 1 FROM passage_vectors)";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) != 0;
    }
}
