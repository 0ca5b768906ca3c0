namespace PolicySearch.Search.Storage;

/// <summary>Keys of the <c>meta</c> table.</summary>
internal static class MetaKeys
{
    public const string SchemaVersion = "schema_version";

    /// <summary>Which embedding model wrote the stored vectors (its id and dimensions).</summary>
    public const string EmbeddingModel = "embedding_model";

    /// <summary>Counts committed changes to documents, so every reader can tell which version of the data it sees.</summary>
    public const string DataGeneration = "data_generation";
}
