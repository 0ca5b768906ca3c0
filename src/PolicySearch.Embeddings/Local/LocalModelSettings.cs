namespace PolicySearch.Embeddings.Local;

/// <summary>How the local model is trained. The defaults are the ones measured best on the dev set (README "Embeddings").</summary>
public sealed record LocalModelSettings
{
    /// <summary>Shortest character n-gram.</summary>
    public int MinNGram { get; init; } = 3;
    /// <summary>Longest character n-gram.</summary>
    public int MaxNGram { get; init; } = 5;
    /// <summary>Vector size after the SVD projection.</summary>
    public int Dimensions { get; init; } = 128;
    /// <summary>Fold diacritics (å, ä → a; ö → o) so text typed without them still matches.</summary>
    public bool FoldDiacritics { get; init; } = true;
    /// <summary>Weight of whole-word features relative to n-grams; 0 leaves them out.</summary>
    public float WordWeight { get; init; }
    /// <summary>Features seen in fewer passages are dropped. 1 keeps rare n-grams, which is what finds identifiers (Dnr numbers).</summary>
    public int MinDocumentFrequency { get; init; } = 1;
    /// <summary>Cap on the vocabulary (most frequent features kept), which bounds model size on big corpora.</summary>
    public int MaxFeatures { get; init; } = 200_000;
    /// <summary>
    /// Passages the model is trained on at most: a bigger corpus trains on a seeded sample of this many (every
    /// passage is still embedded). Bounds training memory and time; not saved with the model, since only training uses it.
    /// </summary>
    public int MaxTrainingPassages { get; init; } = 50_000;
    /// <summary>Power iterations of the randomized SVD.</summary>
    public int PowerIterations { get; init; } = 3;
    /// <summary>Seed of the SVD's random sketch.</summary>
    public int Seed { get; init; } = 20180123;
}
