using PolicySearch.Ingestion;

namespace PolicySearch.Search.Indexing;

/// <summary>A document with its passages analysed (and embedded), ready to be written in one transaction.</summary>
internal sealed record PreparedDocument(
    string Path,
    long Bytes,
    Document Document,
    IReadOnlyList<PassageTerms> Terms,
    IReadOnlyList<ReadOnlyMemory<float>>? Vectors);
