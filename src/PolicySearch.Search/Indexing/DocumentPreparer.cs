using Microsoft.Extensions.AI;
using PolicySearch.Analysis;
using PolicySearch.Ingestion;
using PolicySearch.Search.Embedding;

namespace PolicySearch.Search.Indexing;

/// <summary>Analyses (and embeds) a document's passages; safe to run for several documents at once.</summary>
internal sealed class DocumentPreparer(
    SwedishAnalyzer analyzer,
    IEmbeddingGenerator<string, Embedding<float>>? embeddings,
    int embeddingBatchSize)
{
    /// <summary>
    /// Identifies the model that wrote the vectors ("id/dimensions"), or null without embeddings. The index's own
    /// generator (<see cref="IndexEmbeddings"/>) records its model itself, when it has checked the index for mixing.
    /// </summary>
    public string? EmbeddingModel => embeddings is null or IndexEmbeddings ? null : IndexEmbeddings.Identity(embeddings);

    public async Task<PreparedDocument> PrepareAsync(string path, long bytes, Document document, CancellationToken cancellationToken)
    {
        string titleTerms = PassageTerms.AllTerms(analyzer, PassageTerms.MetadataText(document.Metadata));
        var sectionTerms = new Dictionary<string, string>(StringComparer.Ordinal);
        var terms = new List<PassageTerms>(document.Passages.Count);
        foreach (var passage in document.Passages)
        {
            string section = passage.Section ?? "";
            if (!sectionTerms.TryGetValue(section, out string? sectionText))
                sectionTerms[section] = sectionText = PassageTerms.AllTerms(analyzer, section);
            // The metadata goes with the first passage only: a document-level match that does not multiply
            // every title word by the number of passages (which would make common words cost more to rank).
            terms.Add(PassageTerms.Build(analyzer, terms.Count == 0 ? titleTerms : "", sectionText, passage.Text));
        }
        // An index's local model is trained once its first passages are stored; until then they get no vectors.
        var vectors = embeddings is null or IndexEmbeddings { IsReady: false } || document.Passages.Count == 0
            ? null
            : await EmbedAsync(document.Passages.Select(p => p.Text).ToList(), cancellationToken);
        return new PreparedDocument(path, bytes, document, terms, vectors);
    }

    private async Task<IReadOnlyList<ReadOnlyMemory<float>>> EmbedAsync(List<string> texts, CancellationToken cancellationToken)
    {
        var vectors = new List<ReadOnlyMemory<float>>(texts.Count);
        foreach (var batch in texts.Chunk(Math.Max(1, embeddingBatchSize)))
        {
            var generated = await embeddings!.GenerateAsync(batch, cancellationToken: cancellationToken);
            vectors.AddRange(generated.Select(e => VectorMath.Normalised(e.Vector)));
        }
        return vectors;
    }
}
