namespace PolicySearch.Ingestion;

/// <summary>
/// A source file turned into clean text, metadata and passages.
/// <see cref="ContentHash"/> is the SHA-256 of the source bytes, used for idempotent re-indexing.
/// </summary>
public sealed record Document(
    string SourcePath,
    string ContentHash,
    string CleanText,
    DocumentMetadata Metadata,
    IReadOnlyList<Passage> Passages);
