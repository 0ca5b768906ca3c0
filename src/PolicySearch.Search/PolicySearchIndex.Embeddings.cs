using System.Globalization;
using System.Runtime.InteropServices;
using PolicySearch.Analysis;
using PolicySearch.Embeddings;
using PolicySearch.Ingestion;
using PolicySearch.Search.Embedding;
using PolicySearch.Search.Presentation;

namespace PolicySearch.Search;

/// <summary>The embedding model lifecycle and "more like this".</summary>
public sealed partial class PolicySearchIndex
{
    /// <summary>
    /// Opens the index with the generator <paramref name="embeddingsOptions"/> configure: the local model saved in
    /// the index (trained from the passages the first time there are any), an OpenAI-compatible server, or none.
    /// </summary>
    /// <exception cref="EmbeddingException">The OpenAI-compatible server is configured incompletely.</exception>
    public static async Task<PolicySearchIndex> OpenAsync(
        IndexOptions indexOptions,
        SearchOptions? searchOptions,
        EmbeddingsOptions embeddingsOptions,
        HttpClient? httpClient = null,
        SwedishAnalyzer? analyzer = null,
        DocumentIngestor? ingestor = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(embeddingsOptions);
        if (embeddingsOptions.Provider == EmbeddingProvider.None)
            return await OpenAsync(indexOptions, searchOptions, embeddings: null, analyzer, ingestor, cancellationToken);
        var embeddings = new IndexEmbeddings(embeddingsOptions, httpClient);
        PolicySearchIndex index = await OpenAsync(indexOptions, searchOptions, embeddings, analyzer, ingestor, cancellationToken);
        embeddings.Attach(index._store);
        index._ownsEmbeddings = true;
        return index;
    }

    /// <summary>Retrains the local embedding model from the indexed passages and re-embeds them all (<c>policysearch train</c>).</summary>
    public async Task<EmbeddingReport> TrainEmbeddingModelAsync(IProgress<EmbeddingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        try { return await LifecycleOrThrow().TrainAsync(progress, cancellationToken); }
        finally { _engine.Invalidate(); }
    }

    /// <summary>
    /// Re-embeds all passages with the configured generator (<c>policysearch reembed</c>), e.g. after switching
    /// models. Nothing is written unless every passage was embedded.
    /// </summary>
    public async Task<EmbeddingReport> ReembedAsync(CancellationToken cancellationToken = default)
    {
        try { return await LifecycleOrThrow().ReembedAsync(cancellationToken); }
        finally { _engine.Invalidate(); }
    }

    /// <summary>
    /// Passages most like passage <paramref name="passageId"/> ("more like this"), most similar first, leaving out
    /// the passage itself and, unless <paramref name="includeSameDocument"/>, its own document. Null when there is
    /// no such passage. With vectors this is a nearest-neighbour scan from the passage's stored vector (score =
    /// cosine similarity); without, a keyword search for its opening words, since every extra word is one more
    /// FTS5 group to match and count.
    /// </summary>
    public async Task<IReadOnlyList<SearchHit>?> SimilarAsync(string passageId, int top = 10, bool includeSameDocument = false, CancellationToken cancellationToken = default)
    {
        if (!long.TryParse(passageId, NumberStyles.None, CultureInfo.InvariantCulture, out long id)) return null;
        top = Math.Clamp(top, 0, 1000);
        await using var connection = await _store.OpenAsync(cancellationToken);
        string documentId, text;
        int documentPassages;
        float[]? vector;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT p.document_id, p.text, v.vector, (SELECT count(*) FROM passages o WHERE o.document_id = p.document_id)
                FROM passages p LEFT JOIN passage_vectors v ON v.passage_id = p.id WHERE p.id = $id
                """;
            command.Parameters.AddWithValue("$id", id);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken)) return null;
            documentId = reader.GetInt64(0).ToString(CultureInfo.InvariantCulture);
            text = reader.GetString(1);
            vector = reader.IsDBNull(2) ? null : MemoryMarshal.Cast<byte, float>((byte[])reader.GetValue(2)).ToArray();
            documentPassages = reader.GetInt32(3);
        }
        // Enough candidates that, after dropping the passage itself and its document, top remain.
        int candidates = top + 1 + (includeSameDocument ? 0 : documentPassages);
        IEnumerable<SearchHit> hits;
        if (vector is null)
        {
            var request = new SearchRequest { Query = OpeningWords(text, SimilarKeywordChars), Mode = SearchMode.Keyword, Top = candidates };
            hits = (await SearchAsync(request, cancellationToken)).Hits;
        }
        else
        {
            var nearest = _engine.Vectors(connection).Nearest(vector, candidates, allowed: null);
            var rows = PassageRow.Load(connection, nearest.Select(n => n.PassageId));
            hits = nearest.Where(n => rows.ContainsKey(n.PassageId)).Select(n => rows[n.PassageId].ToHit([], n.Score));
        }
        return hits
            .Where(h => h.PassageId != passageId && (includeSameDocument || h.DocumentId != documentId))
            .Take(top)
            .ToList();
    }

    private const int SimilarKeywordChars = 300;

    private static string OpeningWords(string text, int maxChars)
    {
        if (text.Length <= maxChars) return text;
        int cut = text.LastIndexOf(' ', maxChars);
        return text[..(cut > 0 ? cut : maxChars)];
    }

    /// <summary>After an indexing run: trains the local model when these were the index's first passages, reporting as part of the run.</summary>
    private async Task<IndexReport> TrainIfFirstAsync(IndexReport report, IProgress<IndexProgress>? progress, CancellationToken cancellationToken)
    {
        var embedding = progress is null ? null : new RunProgress(progress, report);
        return await EnsureTrainedAsync(embedding, cancellationToken) is { } trained ? report with { Embedding = trained } : report;
    }

    private async Task<EmbeddingReport?> EnsureTrainedAsync(IProgress<EmbeddingProgress>? progress, CancellationToken cancellationToken) =>
        Embeddings is IndexEmbeddings embeddings ? await embeddings.EnsureTrainedAsync(progress, cancellationToken) : null;

    /// <summary>Reports training and embedding as the last stage of an indexing run, synchronously (as the run reports its files).</summary>
    private sealed class RunProgress(IProgress<IndexProgress> run, IndexReport indexed) : IProgress<EmbeddingProgress>
    {
        private readonly int _files = indexed.FilesIndexed + indexed.FilesUnchanged + indexed.Errors.Count;

        public void Report(EmbeddingProgress value) =>
            run.Report(new IndexProgress(_files, _files, indexed.Passages, indexed.Bytes, indexed.Elapsed + value.Elapsed, CurrentFile: null) { Embedding = value });
    }

    private IndexEmbeddings LifecycleOrThrow() => Embeddings as IndexEmbeddings
        ?? throw new EmbeddingException(EmbeddingFailure.NotConfigured, "This index was opened without embeddings; configure the Embeddings section.");
}
