using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.AI;
using PolicySearch.Analysis;
using PolicySearch.Ingestion;
using PolicySearch.Search.Indexing;
using PolicySearch.Search.Presentation;
using PolicySearch.Search.Storage;

namespace PolicySearch.Search;

/// <summary>
/// The search layer's entry point: one SQLite file holding documents, passages, speakers, analysed terms
/// and vectors. Indexes files, uploads and document streams; answers searches; reads documents back.
/// Thread-safe: searches run concurrently with each other and with indexing (writes are serialised).
/// When no embedding generator is given, semantic search is unavailable and hybrid equals keyword.
/// </summary>
public sealed partial class PolicySearchIndex : IDisposable
{
    private readonly SqliteStore _store;
    private readonly Indexer _indexer;
    private readonly SearchEngine _engine;
    private readonly IndexOptions _indexOptions;

    /// <summary>True when the index made its generator from options (and so disposes it); a caller's generator stays the caller's.</summary>
    private bool _ownsEmbeddings;

    private PolicySearchIndex(SqliteStore store, IndexOptions indexOptions, SearchOptions searchOptions,
        IEmbeddingGenerator<string, Embedding<float>>? embeddings, SwedishAnalyzer analyzer, DocumentIngestor ingestor, string? rebuildMessage)
    {
        _store = store;
        _indexOptions = indexOptions;
        Embeddings = embeddings;
        RebuildMessage = rebuildMessage;
        _indexer = new Indexer(store, ingestor, new DocumentPreparer(analyzer, embeddings, indexOptions.EmbeddingBatchSize), indexOptions);
        _engine = new SearchEngine(store, analyzer, Gazetteer.Default, embeddings, searchOptions);
    }

    /// <summary>Full path of the index file.</summary>
    public string Path => _store.Path;

    /// <summary>The generator that embeds passages and queries, or null for keyword-only search.</summary>
    public IEmbeddingGenerator<string, Embedding<float>>? Embeddings { get; }

    /// <summary>Set when the file held an index of another schema version that was emptied on open.</summary>
    public string? RebuildMessage { get; }

    /// <summary>Opens (creating when missing) the index at <see cref="IndexOptions.Path"/>.</summary>
    public static Task<PolicySearchIndex> OpenAsync(
        IndexOptions indexOptions,
        SearchOptions? searchOptions = null,
        IEmbeddingGenerator<string, Embedding<float>>? embeddings = null,
        SwedishAnalyzer? analyzer = null,
        DocumentIngestor? ingestor = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(indexOptions);
        cancellationToken.ThrowIfCancellationRequested();
        var store = new SqliteStore(indexOptions.Path);
        string? message = store.Initialise();
        return Task.FromResult(new PolicySearchIndex(store, indexOptions, searchOptions ?? new SearchOptions(), embeddings,
            analyzer ?? new SwedishAnalyzer(), ingestor ?? new DocumentIngestor(), message));
    }

    /// <summary>
    /// Indexes files and folders (none given: <see cref="IndexOptions.CorpusPath"/>). Unchanged files are
    /// skipped, changed ones replaced; with <paramref name="prune"/>, documents whose file is gone are removed.
    /// Bad files are reported in <see cref="IndexReport.Errors"/> and never stop the run.
    /// </summary>
    public async Task<IndexReport> IndexAsync(IEnumerable<string>? paths = null, bool prune = false,
        IProgress<IndexProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var list = paths?.ToList() is { Count: > 0 } given ? given : [_indexOptions.CorpusPath];
        try { return await TrainIfFirstAsync(await _indexer.IndexFilesAsync(list, prune, progress, cancellationToken), progress, cancellationToken); }
        finally { _engine.Invalidate(); }
    }

    /// <summary>Indexes already ingested documents (e.g. a JSONL stream); <see cref="Document.SourcePath"/> is their identity.</summary>
    public async Task<IndexReport> IndexDocumentsAsync(IAsyncEnumerable<Document> documents,
        IProgress<IndexProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        try { return await TrainIfFirstAsync(await _indexer.IndexDocumentsAsync(documents, progress, cancellationToken), progress, cancellationToken); }
        finally { _engine.Invalidate(); }
    }

    /// <summary>
    /// Indexes a JSONL document stream, gzipped or plain (fields id, title, date, author, text), without unpacking it.
    /// Each record is stored as <c>FILE/ID.txt</c>; unchanged records are skipped on the next run. As after files, the local
    /// model is trained and every passage embedded when these are the index's first passages.
    /// </summary>
    public async Task<IndexReport> IndexJsonlAsync(string path, IProgress<IndexProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        try { return await TrainIfFirstAsync(await _indexer.IndexJsonlAsync(path, progress, cancellationToken), progress, cancellationToken); }
        finally { _engine.Invalidate(); }
    }

    /// <summary>Indexes an uploaded file; throws <see cref="IngestionException"/> when it cannot be read.</summary>
    public async Task<DocumentInfo> IndexUploadAsync(string fileName, byte[] content, CancellationToken cancellationToken = default)
    {
        string key = "upload:" + System.IO.Path.GetFileName(fileName);
        try
        {
            await _indexer.IndexUploadAsync(key, content, cancellationToken);
            await EnsureTrainedAsync(progress: null, cancellationToken);
        }
        finally { _engine.Invalidate(); }
        return (await GetDocumentByPathAsync(key, cancellationToken))!;
    }

    /// <summary>Removes a document; returns false when there is no such document.</summary>
    public async Task<bool> DeleteDocumentAsync(string documentId, CancellationToken cancellationToken = default)
    {
        var document = await GetDocumentAsync(documentId, cancellationToken);
        if (document is null) return false;
        try { return await _indexer.DeleteAsync(document.Path, cancellationToken); }
        finally { _engine.Invalidate(); }
    }

    /// <summary>Answers a search; never throws for odd query text (it is parsed, not executed).</summary>
    public Task<SearchResponse> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _engine.SearchAsync(request, cancellationToken);
    }

    /// <summary>
    /// Loads what searches read from memory (passage lengths, facet table, vectors), so the first query after
    /// start-up or indexing does not pay for it.
    /// </summary>
    public Task WarmUpAsync(CancellationToken cancellationToken = default) => _engine.WarmUpAsync(cancellationToken);

    /// <summary>A document's metadata, or null.</summary>
    public async Task<DocumentInfo?> GetDocumentAsync(string documentId, CancellationToken cancellationToken = default)
    {
        if (!long.TryParse(documentId, NumberStyles.None, CultureInfo.InvariantCulture, out long id)) return null;
        return await QueryDocumentAsync("d.id = $key", id, cancellationToken);
    }

    /// <summary>A document's whole clean text, or null.</summary>
    public async Task<string?> GetDocumentTextAsync(string documentId, CancellationToken cancellationToken = default)
    {
        if (!long.TryParse(documentId, NumberStyles.None, CultureInfo.InvariantCulture, out long id)) return null;
        await using var connection = await _store.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT clean_text FROM documents WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>One passage as a hit without highlights (score 0), or null.</summary>
    public async Task<SearchHit?> GetPassageAsync(string passageId, CancellationToken cancellationToken = default)
    {
        if (!long.TryParse(passageId, NumberStyles.None, CultureInfo.InvariantCulture, out long id)) return null;
        await using var connection = await _store.OpenAsync(cancellationToken);
        return PassageRow.Load(connection, [id]).TryGetValue(id, out var row) ? row.ToHit([], 0) : null;
    }

    /// <summary>The passages of a document in order, as hits without highlights.</summary>
    public async Task<IReadOnlyList<SearchHit>> GetDocumentPassagesAsync(string documentId, CancellationToken cancellationToken = default)
    {
        if (!long.TryParse(documentId, NumberStyles.None, CultureInfo.InvariantCulture, out long id)) return [];
        await using var connection = await _store.OpenAsync(cancellationToken);
        return PassageRow.LoadDocument(connection, id).Select(row => row.ToHit([], 0)).ToList();
    }

    /// <summary>Every speaker with the number of passages it speaks, most first.</summary>
    public async Task<IReadOnlyList<SpeakerCount>> GetSpeakersAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _store.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT s.name, s.kind, s.party, count(*) FROM passages p JOIN speakers s ON s.id = p.speaker_id
            GROUP BY s.id ORDER BY count(*) DESC, s.name
            """;
        var speakers = new List<SpeakerCount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            string party = reader.GetString(2);
            var speaker = new Speaker(reader.GetString(0), (SpeakerKind)reader.GetInt32(1), party.Length == 0 ? null : party);
            speakers.Add(new SpeakerCount(PassageRow.ToView(speaker), reader.GetInt32(3)));
        }
        return speakers;
    }

    /// <summary>Counts, size and embedding model of the index.</summary>
    public async Task<IndexStats> GetStatsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _store.OpenAsync(cancellationToken);
        long Scalar(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        var types = new List<FacetValue>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT coalesce(document_type, ''), count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) types.Add(new FacetValue(reader.GetString(0), reader.GetInt32(1)));
        }
        long bytes = new[] { "", "-wal", "-shm" }.Select(s => new FileInfo(Path + s)).Where(f => f.Exists).Sum(f => f.Length);
        return new IndexStats(Path, IndexSchema.Version,
            (int)Scalar("SELECT count(*) FROM documents"), (int)Scalar("SELECT count(*) FROM passages"),
            (int)Scalar("SELECT count(DISTINCT speaker_id) FROM passages"), (int)Scalar("SELECT count(*) FROM passage_vectors"),
            await ReadMetaAsync(connection, MetaKeys.EmbeddingModel, cancellationToken), bytes, types);
    }

    /// <summary>Releases pooled connections (the file can then be moved or deleted).</summary>
    public void Dispose()
    {
        if (_ownsEmbeddings) Embeddings?.Dispose();
        SqliteStore.ReleasePool();
    }

    private async Task<DocumentInfo?> GetDocumentByPathAsync(string path, CancellationToken cancellationToken) =>
        await QueryDocumentAsync("d.path = $key", path, cancellationToken);

    private async Task<DocumentInfo?> QueryDocumentAsync(string condition, object key, CancellationToken cancellationToken)
    {
        await using var connection = await _store.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT d.id, d.path, d.title, d.document_type, d.date, d.namnd, d.forvaltning, d.dnrs, d.motion_numbers,
                   (SELECT count(*) FROM passages p WHERE p.document_id = d.id), d.content_hash
            FROM documents d WHERE {condition}
            """;
        command.Parameters.AddWithValue("$key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        static IReadOnlyList<string> Lines(string s) => s.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return new DocumentInfo(reader.GetInt64(0).ToString(CultureInfo.InvariantCulture), reader.GetString(1), reader.GetString(2),
            Text(3), Text(4), Text(5), Text(6), Lines(reader.GetString(7)), Lines(reader.GetString(8)), reader.GetInt32(9), reader.GetString(10));
    }

    private static async Task<string?> ReadMetaAsync(SqliteConnection connection, string key, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }
}
