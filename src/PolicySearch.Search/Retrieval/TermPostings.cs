namespace PolicySearch.Search.Retrieval;

/// <summary>
/// One term's posting list held in memory: the passages holding it (ascending ids), the term's bm25 impact in each
/// (computed once, as FTS5's bm25 would for this term alone), and its positions per passage as
/// <c>column &lt;&lt; 24 | offset</c>, ascending, for phrase matching.
/// </summary>
internal sealed class TermPostings(int[] passages, float[] impacts, int[] positionStarts, int[] positions)
{
    public const int ColumnShift = 24;

    public static readonly TermPostings Empty = new([], [], [0], []);

    public int Count => passages.Length;

    public ReadOnlySpan<int> Passages => passages;

    public ReadOnlySpan<float> Impacts => impacts;

    /// <summary>Approximate heap size, for the cache budget.</summary>
    public long Bytes => 8L * passages.Length + 4L * positions.Length + 64;

    /// <summary>Positions of the entry at <paramref name="index"/>.</summary>
    public ReadOnlySpan<int> PositionsAt(int index) => positions.AsSpan(positionStarts[index], positionStarts[index + 1] - positionStarts[index]);

    /// <summary>
    /// The index of <paramref name="passage"/> at or after <paramref name="from"/>, or the bitwise complement of the
    /// index of the first larger passage. Gallops, so walking a short list against a long one costs log steps each.
    /// </summary>
    public int Seek(int passage, int from)
    {
        int step = 1, high = from;
        while (high < passages.Length && passages[high] < passage)
        {
            from = high + 1;
            high += step;
            step <<= 1;
        }
        return Array.BinarySearch(passages, from, Math.Min(high + 1, passages.Length) - from, passage);
    }
}
