namespace PolicySearch.Embeddings;

/// <summary>Which embedding generator makes passage and query vectors.</summary>
public enum EmbeddingProvider
{
    /// <summary>The local model trained from the indexed passages (no download).</summary>
    Local,
    /// <summary>Any server that speaks the OpenAI <c>POST /v1/embeddings</c> wire format.</summary>
    OpenAI,
    /// <summary>No vectors: keyword search only, e.g. to index a large archive fast (semantic and hybrid find what keyword finds).</summary>
    None,
}

/// <summary>Embedding settings, bound from the <c>Embeddings</c> configuration section.</summary>
public sealed class EmbeddingsOptions
{
    /// <summary>Generator to use.</summary>
    public EmbeddingProvider Provider { get; set; } = EmbeddingProvider.Local;
    /// <summary>Base URL of the OpenAI-compatible server, e.g. <c>http://localhost:11434/v1</c>.</summary>
    public string? BaseUrl { get; set; }
    /// <summary>Model name sent to the server.</summary>
    public string? Model { get; set; }
    /// <summary>API key; falls back to the <c>POLICYSEARCH_EMBEDDINGS_API_KEY</c> environment variable.</summary>
    public string? ApiKey { get; set; }
    /// <summary>Expected vector dimensions (local model: its projection size).</summary>
    public int Dimensions { get; set; } = 128;
    /// <summary>Inputs per request.</summary>
    public int BatchSize { get; set; } = 64;
    /// <summary>Per-request timeout in seconds.</summary>
    public int TimeoutSeconds { get; set; } = 60;
}
