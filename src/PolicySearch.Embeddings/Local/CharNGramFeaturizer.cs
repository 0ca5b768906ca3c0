namespace PolicySearch.Embeddings.Local;

/// <summary>
/// Turns text into hashed features: character n-grams of each word padded with boundary markers
/// ("&lt;kamera&gt;" gives "&lt;ka", "kam", …, "ra&gt;"), and optionally the whole word.
/// Word features carry <see cref="WordBit"/> so they can be weighted apart from n-grams.
/// </summary>
internal sealed class CharNGramFeaturizer(int minN, int maxN, bool foldDiacritics, bool wordFeatures)
{
    public const ulong WordBit = 1UL << 63;
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;
    private const char Boundary = '\u0001';

    public void Collect(string text, List<ulong> features)
    {
        string normalized = TextNormalizer.Normalize(text, foldDiacritics);
        Span<char> padded = stackalloc char[66];
        for (int i = 0; i < normalized.Length;)
        {
            if (!char.IsLetterOrDigit(normalized[i])) { i++; continue; }
            int start = i;
            while (i < normalized.Length && char.IsLetterOrDigit(normalized[i])) i++;
            // Very long "words" (URLs, hashes) are cut: their head carries what matters.
            ReadOnlySpan<char> word = normalized.AsSpan(start, Math.Min(i - start, padded.Length - 2));
            padded[0] = Boundary;
            word.CopyTo(padded[1..]);
            padded[word.Length + 1] = Boundary;
            AddNGrams(padded[..(word.Length + 2)], features);
            if (wordFeatures)
                features.Add(Hash(word) | WordBit);
        }
    }

    private void AddNGrams(ReadOnlySpan<char> padded, List<ulong> features)
    {
        if (padded.Length < minN)
        {
            features.Add(Hash(padded) & ~WordBit);
            return;
        }
        for (int start = 0; start + minN <= padded.Length; start++)
        {
            ulong hash = FnvOffset;
            int end = Math.Min(start + maxN, padded.Length);
            for (int i = start; i < end; i++)
            {
                hash = (hash ^ padded[i]) * FnvPrime;
                if (i - start + 1 >= minN)
                    features.Add(hash & ~WordBit);
            }
        }
    }

    private static ulong Hash(ReadOnlySpan<char> chars)
    {
        ulong hash = FnvOffset;
        foreach (char c in chars)
            hash = (hash ^ c) * FnvPrime;
        return hash;
    }
}
