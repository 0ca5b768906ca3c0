using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using PolicySearch.Ingestion;
using PolicySearch.Ingestion.Readers;
using PolicySearch.Search.Storage;

namespace PolicySearch.Search.Indexing;

/// <summary>
/// Brings the index up to date with files or a document stream: unchanged content (same hash) is skipped,
/// changed content replaced, and with prune, documents whose file is gone are removed. Sources are read and
/// analysed in parallel; one writer stores them through one connection: one transaction per file, and for a
/// document stream up to <see cref="StreamBatchSize"/> whole documents per transaction.
/// </summary>
internal sealed class Indexer(SqliteStore store, DocumentIngestor ingestor, DocumentPreparer preparer, IndexOptions options)
{
    /// <summary>Documents of a stream written per transaction; FTS5 flushes and merges its segments once per commit.</summary>
    private const int StreamBatchSize = 64;

    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public async Task<IndexReport> IndexFilesAsync(IReadOnlyList<string> paths, bool prune, IProgress<IndexProgress>? progress, CancellationToken cancellationToken)
    {
        var errors = new List<IndexError>();
        var files = new List<string>();
        foreach (var source in DocumentSource.Enumerate(paths, cancellationToken))
        {
            if (source.Error is { } error) errors.Add(new IndexError(source.Path, error));
            else files.Add(source.Path);
        }
        var run = new Run(progress) { Total = files.Count };
        await using var connection = await OpenForWritingAsync(cancellationToken);
        await IndexSourcesAsync(connection, files.ToAsyncEnumerable(), file => file, async (file, ct) =>
        {
            // Hashed as a stream: an oversized file is refused by the ingestor's size check, never held in memory here.
            var (hash, bytes) = await DocumentIngestor.HashFileAsync(file, ct);
            // Ingested from the path, not the bytes, so the format readers may stream and sidecar metadata applies;
            // the hash goes along so a new or changed file is hashed once.
            return new IndexSource(file, bytes, hash, token => ingestor.IngestAsync(file, hash, token));
        }, batchSize: 1, run, errors, cancellationToken);
        int removed = prune ? await PruneAsync(connection, paths, cancellationToken) : 0;
        return run.Report(removed, errors);
    }

    /// <summary>Indexes a JSONL document stream (gzipped or plain); each record's identity is <c>file/id</c>.</summary>
    public async Task<IndexReport> IndexJsonlAsync(string path, IProgress<IndexProgress>? progress, CancellationToken cancellationToken)
    {
        var run = new Run(progress);
        var errors = new List<IndexError>();
        string file = Path.GetFileName(path);
        await using var connection = await OpenForWritingAsync(cancellationToken);
        await IndexSourcesAsync(connection, JsonlDocumentStream.ReadAsync(path, cancellationToken), r => $"{file}/{r.Document?.Id ?? "line " + r.LineNumber}",
            (record, _) => Task.FromResult(JsonlSource(file, record)), StreamBatchSize, run, errors, cancellationToken);
        return run.Report(0, errors);
    }

    public async Task<IndexReport> IndexDocumentsAsync(IAsyncEnumerable<Document> documents, IProgress<IndexProgress>? progress, CancellationToken cancellationToken)
    {
        var run = new Run(progress);
        var errors = new List<IndexError>();
        await using var connection = await OpenForWritingAsync(cancellationToken);
        await IndexSourcesAsync(connection, documents, d => d.SourcePath, (document, _) => Task.FromResult(new IndexSource(
            document.SourcePath, System.Text.Encoding.UTF8.GetByteCount(document.CleanText), document.ContentHash, _ => Task.FromResult(document))),
            StreamBatchSize, run, errors, cancellationToken);
        return run.Report(0, errors);
    }

    /// <summary>
    /// The shared loop: sources are opened, hashed, ingested and analysed in parallel; unchanged ones are skipped;
    /// prepared documents queue for the one writer, which commits up to <paramref name="batchSize"/> of them at a
    /// time under the write lock. A bad source never stops the run.
    /// </summary>
    private async Task IndexSourcesAsync<T>(SqliteConnection connection, IAsyncEnumerable<T> items, Func<T, string> keyOf,
        Func<T, CancellationToken, Task<IndexSource>> open, int batchSize, Run run, List<IndexError> errors, CancellationToken cancellationToken)
    {
        var hashes = DocumentWriter.ReadHashes(connection);
        int workers = Math.Max(1, options.MaxParallelism);
        // Bounded, so analysis never runs far ahead of the writer with whole documents in memory.
        var queue = Channel.CreateBounded<PreparedDocument>(new BoundedChannelOptions(Math.Max(batchSize, workers) * 2) { SingleReader = true });
        var writer = WriteQueueAsync(connection, queue.Reader, batchSize, run, errors, cancellationToken);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken };
        try
        {
            await Parallel.ForEachAsync(items, parallel, async (item, ct) =>
            {
                try
                {
                    var source = await open(item, ct);
                    if (hashes.TryGetValue(source.Key, out string? stored) && string.Equals(stored, source.Hash, StringComparison.OrdinalIgnoreCase))
                    {
                        run.Unchanged(source.Key, source.Bytes);
                        return;
                    }
                    long start = Stopwatch.GetTimestamp();
                    var document = await source.IngestAsync(ct);
                    var prepared = await preparer.PrepareAsync(source.Key, source.Bytes, document, ct);
                    run.Analysed(Stopwatch.GetElapsedTime(start));
                    await queue.Writer.WriteAsync(prepared, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    run.Failed(keyOf(item), ex, errors);
                }
            });
        }
        finally
        {
            queue.Writer.Complete();
            await writer;
        }
    }

    /// <summary>
    /// Drains the queue: whatever is waiting (up to <paramref name="batchSize"/>) goes in one transaction. If a batch
    /// fails, its documents are written one by one, so only the bad document is reported and lost.
    /// </summary>
    private async Task WriteQueueAsync(SqliteConnection connection, ChannelReader<PreparedDocument> queue, int batchSize,
        Run run, List<IndexError> errors, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var batch = new List<PreparedDocument>(batchSize);
        while (await queue.WaitToReadAsync(cancellationToken))
        {
            while (batch.Count < batchSize && queue.TryRead(out var prepared)) batch.Add(prepared);
            try
            {
                long start = Stopwatch.GetTimestamp();
                TimeSpan fts = await WriteAsync(connection, batch, cancellationToken);
                run.Written(Stopwatch.GetElapsedTime(start), fts);
                foreach (var prepared in batch) run.Indexed(prepared.Path, prepared.Bytes, prepared.Document.Passages.Count);
            }
            catch (SqliteException) when (batch.Count > 1)
            {
                foreach (var prepared in batch) await WriteOneAsync(connection, prepared, run, errors, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                foreach (var prepared in batch) run.Failed(prepared.Path, ex, errors);
            }
            batch.Clear();
        }
    }

    private async Task WriteOneAsync(SqliteConnection connection, PreparedDocument prepared, Run run, List<IndexError> errors, CancellationToken cancellationToken)
    {
        try
        {
            await WriteAsync(connection, [prepared], cancellationToken);
            run.Indexed(prepared.Path, prepared.Bytes, prepared.Document.Passages.Count);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            run.Failed(prepared.Path, ex, errors);
        }
    }

    /// <summary>A JSONL record as a text document whose title, type and date come along as sidecar metadata.</summary>
    private IndexSource JsonlSource(string file, JsonlRecord record)
    {
        if (record.Document is not { } jsonl) throw new IngestionException(record.Error ?? $"{file}: line {record.LineNumber} is not a document.");
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(jsonl.Text);
        string sidecar = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string?>
        {
            ["title"] = jsonl.Title,
            ["documentType"] = jsonl.DocumentType,
            ["date"] = jsonl.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        string key = $"{file}/{jsonl.Id}.txt";
        string hash = DocumentIngestor.Hash(bytes);
        return new IndexSource(key, bytes.Length, hash, _ => Task.FromResult(ingestor.Ingest(key, bytes, sidecar, hash)));
    }

    /// <summary>Indexes one uploaded file under <paramref name="name"/>; ingestion errors propagate to the caller.</summary>
    public async Task<Document> IndexUploadAsync(string name, byte[] bytes, CancellationToken cancellationToken)
    {
        var document = await ingestor.IngestAsync(name, bytes, cancellationToken);
        var prepared = await preparer.PrepareAsync(name, bytes.Length, document, cancellationToken);
        await using var connection = await OpenForWritingAsync(cancellationToken);
        await WriteAsync(connection, [prepared], cancellationToken);
        return document;
    }

    public async Task<bool> DeleteAsync(string path, CancellationToken cancellationToken)
    {
        using var connection = await store.OpenAsync(cancellationToken);
        await _writeLock.WaitAsync(cancellationToken);
        try { return DocumentWriter.Delete(connection, path); }
        finally { _writeLock.Release(); }
    }

    private async Task<SqliteConnection> OpenForWritingAsync(CancellationToken cancellationToken)
    {
        var connection = await store.OpenForWritingAsync(cancellationToken);
        if (preparer.EmbeddingModel is { } model) DocumentWriter.WriteMeta(connection, MetaKeys.EmbeddingModel, model);
        return connection;
    }

    /// <summary>Writes <paramref name="batch"/> under the write lock; returns the time FTS5 took (<see cref="DocumentWriter.Write"/>).</summary>
    private async Task<TimeSpan> WriteAsync(SqliteConnection connection, IReadOnlyList<PreparedDocument> batch, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try { return DocumentWriter.Write(connection, batch); }
        finally { _writeLock.Release(); }
    }

    /// <summary>Removes documents stored from under <paramref name="roots"/> whose file no longer exists.</summary>
    private async Task<int> PruneAsync(SqliteConnection connection, IReadOnlyList<string> roots, CancellationToken cancellationToken)
    {
        var fullRoots = roots.Select(Path.GetFullPath).ToList();
        var gone = DocumentWriter.ReadHashes(connection).Keys
            .Where(path => Path.IsPathFullyQualified(path) && fullRoots.Exists(root => IsUnder(path, root)) && !File.Exists(path))
            .ToList();
        int removed = 0;
        foreach (string path in gone)
        {
            await _writeLock.WaitAsync(cancellationToken);
            try { if (DocumentWriter.Delete(connection, path)) removed++; }
            finally { _writeLock.Release(); }
        }
        return removed;
    }

    private static bool IsUnder(string path, string root) =>
        string.Equals(path, root, StringComparison.Ordinal) ||
        path.StartsWith(Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>Counters of one run, updated from the parallel workers.</summary>
    private sealed class Run(IProgress<IndexProgress>? progress)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private int _done, _indexed, _unchanged, _passages;
        private long _bytes, _analysisTicks, _writeTicks, _ftsTicks;

        public int? Total { get; set; }

        public void Indexed(string path, long bytes, int passages)
        {
            Interlocked.Increment(ref _indexed);
            Interlocked.Add(ref _passages, passages);
            Finished(path, bytes);
        }

        public void Analysed(TimeSpan time) => Interlocked.Add(ref _analysisTicks, time.Ticks);

        public void Written(TimeSpan time, TimeSpan fts)
        {
            Interlocked.Add(ref _writeTicks, time.Ticks);
            Interlocked.Add(ref _ftsTicks, fts.Ticks);
        }

        public void Unchanged(string path, long bytes)
        {
            Interlocked.Increment(ref _unchanged);
            Finished(path, bytes);
        }

        public void Failed(string path, Exception error, List<IndexError> errors)
        {
            lock (errors) errors.Add(new IndexError(path, error.Message));
            Finished(path, 0);
        }

        private void Finished(string path, long bytes)
        {
            int done = Interlocked.Increment(ref _done);
            long total = Interlocked.Add(ref _bytes, bytes);
            progress?.Report(new IndexProgress(done, Total, Volatile.Read(ref _passages), total, _clock.Elapsed, path));
        }

        public IndexReport Report(int removed, List<IndexError> errors) =>
            new(_indexed, _unchanged, removed, _passages, _bytes, _clock.Elapsed, errors.OrderBy(e => e.Path, StringComparer.Ordinal).ToList())
            {
                AnalysisTime = TimeSpan.FromTicks(_analysisTicks),
                WriteTime = TimeSpan.FromTicks(_writeTicks),
                FtsTime = TimeSpan.FromTicks(_ftsTicks),
            };
    }
}
