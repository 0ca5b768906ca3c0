namespace PolicySearch.Embeddings.Local;

/// <summary>
/// The passages a model is trained on when a corpus has more than it needs: a seeded uniform sample kept in corpus
/// order, so the same passages and seed always give the same sample, and so the same model. Training cost (memory
/// and time) then stops growing with the corpus; every passage is still embedded with the trained model.
/// </summary>
internal static class TrainingSample
{
    /// <summary><paramref name="texts"/> itself when it has at most <paramref name="max"/> items, else a sample of <paramref name="max"/>.</summary>
    public static IReadOnlyList<string> Of(IReadOnlyList<string> texts, int max, int seed) =>
        texts.Count <= max ? texts : Array.ConvertAll(Indices(texts.Count, max, seed), i => texts[i]);

    /// <summary><paramref name="take"/> distinct indices below <paramref name="count"/>, ascending: a partial Fisher–Yates shuffle.</summary>
    public static int[] Indices(int count, int take, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(take);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(take, count);
        var order = new int[count];
        for (int i = 0; i < count; i++)
            order[i] = i;
        var random = new Random(seed);
        for (int i = 0; i < take; i++)
        {
            int j = random.Next(i, count);
            (order[i], order[j]) = (order[j], order[i]);
        }
        int[] chosen = order[..take];
        Array.Sort(chosen);
        return chosen;
    }
}
