namespace PolicySearch.Ingestion;

/// <summary>A file could not be ingested; the message says why in words a user understands.</summary>
public sealed class IngestionException(string message, Exception? inner = null) : Exception(message, inner);
