using Microsoft.Extensions.AI;
using PolicySearch.Analysis;
using PolicySearch.Ingestion;

namespace PolicySearch.Search.Indexing;

/// <summary>Analyses (and embeds) a document's passages; safe to run for several documents at once.</summary>
internal sealed class DocumentPreparer(
    SwedishAnalyzer analyzer,
    IEmbeddingGenerator<string, Embedding<float>>? embeddings,
    int embeddingBatchSize)
{
    /// <summary>Identifies the model that wrote the vectors ("id/dimensions"), or null without embeddings.</summary>
    public string? EmbeddingModel => embeddings?.GetService<EmbeddingGeneratorMetadata>() is { } metadata
        ? $"{metadata.DefaultModelId ?? metadata.ProviderName ?? "unknown"}/{metadata.DefaultModelDimensions?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}"
        : embeddings is null ? null : "unknown";

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
        var vectors = embeddings is null || document.Passages.Count == 0
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
