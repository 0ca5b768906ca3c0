using System.Diagnostics;
using System.Security.Cryptography;
using PolicySearch.Ingestion;
using PolicySearch.Ingestion.Readers;
using PolicySearch.Search.Storage;

namespace PolicySearch.Search.Indexing;

/// <summary>
/// Brings the index up to date with files or a document stream: unchanged content (same hash) is skipped,
/// changed content replaced, and with prune, documents whose file is gone are removed. Files are read and
/// analysed in parallel; writes go through one connection, one transaction per document.
/// </summary>
internal sealed class Indexer(SqliteStore store, DocumentIngestor ingestor, DocumentPreparer preparer, IndexOptions options)
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public async Task<IndexReport> IndexFilesAsync(IReadOnlyList<string> paths, bool prune, IProgress<IndexProgress>? progress, CancellationToken cancellationToken)
    {
        var run = new Run(progress);
        var errors = new List<IndexError>();
        var files = new List<string>();
        foreach (var source in DocumentSource.Enumerate(paths, cancellationToken))
        {
            if (source.Error is { } error) errors.Add(new IndexError(source.Path, error));
            else files.Add(source.Path);
        }
        run.Total = files.Count;
        using var connection = await OpenForWritingAsync(cancellationToken);
        var hashes = DocumentWriter.ReadHashes(connection);

        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelism), CancellationToken = cancellationToken },
            async (file, ct) =>
            {
                try
                {
                    byte[] bytes = await File.ReadAllBytesAsync(file, ct);
                    string hash = Convert.ToHexString(SHA256.HashData(bytes));
                    if (hashes.TryGetValue(file, out string? stored) && string.Equals(stored, hash, StringComparison.OrdinalIgnoreCase))
                    {
                        run.Unchanged(file, bytes.Length);
                        return;
                    }
                    var document = ingestor.Ingest(file, bytes);
                    var prepared = await preparer.PrepareAsync(file, bytes.Length, document, ct);
                    await WriteAsync(connection, prepared, ct);
                    run.Indexed(file, bytes.Length, document.Passages.Count);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A bad file never stops the run; its error is reported at the end.
                    run.Failed(file, ex, errors);
                }
            });

        int removed = prune ? await PruneAsync(connection, paths, cancellationToken) : 0;
        return run.Report(removed, errors);
    }

    public async Task<IndexReport> IndexDocumentsAsync(IAsyncEnumerable<Document> documents, IProgress<IndexProgress>? progress, CancellationToken cancellationToken)
    {
        var run = new Run(progress);
        var errors = new List<IndexError>();
        using var connection = await OpenForWritingAsync(cancellationToken);
        var hashes = DocumentWriter.ReadHashes(connection);
        await Parallel.ForEachAsync(documents, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelism), CancellationToken = cancellationToken },
            async (document, ct) =>
            {
                long bytes = System.Text.Encoding.UTF8.GetByteCount(document.CleanText);
                try
                {
                    if (hashes.TryGetValue(document.SourcePath, out string? stored) && string.Equals(stored, document.ContentHash, StringComparison.OrdinalIgnoreCase))
                    {
                        run.Unchanged(document.SourcePath, bytes);
                        return;
                    }
                    var prepared = await preparer.PrepareAsync(document.SourcePath, bytes, document, ct);
                    await WriteAsync(connection, prepared, ct);
                    run.Indexed(document.SourcePath, bytes, document.Passages.Count);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    run.Failed(document.SourcePath, ex, errors);
                }
            });
        return run.Report(0, errors);
    }

    /// <summary>Indexes one uploaded file under <paramref name="name"/>; ingestion errors propagate to the caller.</summary>
    public async Task<Document> IndexUploadAsync(string name, byte[] bytes, CancellationToken cancellationToken)
    {
        var document = ingestor.Ingest(name, bytes);
        var prepared = await preparer.PrepareAsync(name, bytes.Length, document, cancellationToken);
        using var connection = await OpenForWritingAsync(cancellationToken);
        await WriteAsync(connection, prepared, cancellationToken);
        return document;
    }

    public async Task<bool> DeleteAsync(string path, CancellationToken cancellationToken)
    {
        using var connection = await store.OpenAsync(cancellationToken);
        await _writeLock.WaitAsync(cancellationToken);
        try { return DocumentWriter.Delete(connection, path); }
        finally { _writeLock.Release(); }
    }

    private async Task<Microsoft.Data.Sqlite.SqliteConnection> OpenForWritingAsync(CancellationToken cancellationToken)
    {
        var connection = await store.OpenAsync(cancellationToken);
        if (preparer.EmbeddingModel is { } model) DocumentWriter.WriteMeta(connection, MetaKeys.EmbeddingModel, model);
        return connection;
    }

    private async Task WriteAsync(Microsoft.Data.Sqlite.SqliteConnection connection, PreparedDocument prepared, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try { DocumentWriter.Write(connection, prepared); }
        finally { _writeLock.Release(); }
    }

    /// <summary>Removes documents stored from under <paramref name="roots"/> whose file no longer exists.</summary>
    private async Task<int> PruneAsync(Microsoft.Data.Sqlite.SqliteConnection connection, IReadOnlyList<string> roots, CancellationToken cancellationToken)
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
        private long _bytes;

        public int? Total { get; set; }

        public void Indexed(string path, long bytes, int passages)
        {
            Interlocked.Increment(ref _indexed);
            Interlocked.Add(ref _passages, passages);
            Finished(path, bytes);
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
            new(_indexed, _unchanged, removed, _passages, _bytes, _clock.Elapsed, errors.OrderBy(e => e.Path, StringComparer.Ordinal).ToList());
    }
}
