namespace PolicySearch.Search;

/// <summary>Where the index lives and what it indexes; bound from the <c>IndexOptions</c> configuration section.</summary>
public sealed class IndexOptions
{
    /// <summary>The SQLite index file (overridden by <c>POLICYSEARCH_INDEX</c> and <c>--index</c>).</summary>
    public string Path { get; set; } = "data/policysearch.db";

    /// <summary>The folder indexed when no paths are given.</summary>
    public string CorpusPath { get; set; } = "corpus";

    /// <summary>Files analysed at the same time; writes are always serialised.</summary>
    public int MaxParallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>Passages sent to the embedding generator per call.</summary>
    public int EmbeddingBatchSize { get; set; } = 64;
}
