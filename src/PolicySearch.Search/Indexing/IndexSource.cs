using PolicySearch.Ingestion;

namespace PolicySearch.Search.Indexing;

/// <summary>Something to index: its identity (path), size, content hash (unchanged content is skipped) and how to ingest it.</summary>
internal sealed record IndexSource(string Key, long Bytes, string Hash, Func<CancellationToken, Task<Document>> IngestAsync);
