namespace PolicySearch.Search.Retrieval;

/// <summary>
/// Every passage one keyword query matches, with its bm25 score, how many query groups it covers and whether it
/// holds the query's words as a phrase. Dense arrays indexed by passage id, reused across queries (rented from the
/// <see cref="KeywordIndex"/>, cleared through the list of touched passages when disposed).
/// </summary>
internal sealed class KeywordMatches : IDisposable
{
    // What a group's weaker alternatives add, as in Lucene's DisjunctionMaxQuery (see Add).
    private const float TieBreaker = 0.1f;

    private readonly KeywordIndex _index;
    private readonly float[] _score;
    // The best alternative's impact in the current group (valid while _groupStamp says the group was seen).
    private readonly float[] _groupBest;
    private readonly ushort[] _coverage;
    private readonly bool[] _inOrder;
    // Stamps instead of clearing: a passage counts for group g once per query when _groupStamp == _epoch + g.
    private readonly int[] _groupStamp;
    private readonly int[] _excludedStamp;
    private readonly List<int> _touched = [];
    private int _epoch;

    internal KeywordMatches(KeywordIndex index)
    {
        _index = index;
        int capacity = index.Capacity;
        _score = new float[capacity];
        _groupBest = new float[capacity];
        _coverage = new ushort[capacity];
        _inOrder = new bool[capacity];
        _groupStamp = new int[capacity];
        _excludedStamp = new int[capacity];
    }

    /// <summary>Groups of the query these matches are for.</summary>
    public int GroupCount { get; private set; }

    /// <summary>Passages matched (at least one group, none excluded, allowed by the filter).</summary>
    public int Count => _touched.Count;

    /// <summary>The matched passages, in no particular order.</summary>
    public IReadOnlyList<int> Passages => _touched;

    public bool Contains(long passage) => (ulong)passage < (ulong)_coverage.Length && _coverage[passage] > 0;

    /// <summary>Starts a new query of <paramref name="groupCount"/> groups.</summary>
    internal void Begin(int groupCount)
    {
        GroupCount = groupCount;
        if (_epoch > int.MaxValue - groupCount - 2)
        {
            Array.Clear(_groupStamp);
            Array.Clear(_excludedStamp);
            _epoch = 0;
        }
        _epoch += groupCount + 1;
    }

    internal void Exclude(int passage) => _excludedStamp[passage] = _epoch;

    internal bool IsExcluded(int passage) => _excludedStamp[passage] == _epoch;

    /// <summary>
    /// Adds <paramref name="impact"/> for a match of group <paramref name="group"/>. A group's alternatives (the word,
    /// its folded form, its compound parts, an acronym's expansion) name one concept: the best of them counts in
    /// full and the others by <see cref="TieBreaker"/>, so a passage holding "SIG" and "sociala insatsgrupper" once
    /// each is not worth three passages' mentions.
    /// </summary>
    internal void Add(int group, int passage, float impact)
    {
        int stamp = _epoch + group;
        if (_groupStamp[passage] != stamp)
        {
            _groupStamp[passage] = stamp;
            _groupBest[passage] = impact;
            _score[passage] += impact;
            if (_coverage[passage]++ == 0) _touched.Add(passage);
            return;
        }
        // Group total = best + TieBreaker × the others; a new best demotes the old one to the others.
        float best = _groupBest[passage];
        if (impact > best)
        {
            _groupBest[passage] = impact;
            _score[passage] += impact - best + TieBreaker * best;
        }
        else _score[passage] += TieBreaker * impact;
    }

    /// <summary>Marks a passage that holds the query's words in order (only complete matches count).</summary>
    internal void MarkInOrder(int passage)
    {
        if (_coverage[passage] == GroupCount) _inOrder[passage] = true;
    }

    /// <summary>
    /// Ranking key: groups covered (one more for the words in order), plus bm25 squashed into (0, 1) so it only
    /// orders within a coverage level — every complete match ranks above every partial one.
    /// </summary>
    public double Key(int passage)
    {
        double score = _score[passage];
        return _coverage[passage] + (_inOrder[passage] ? 1 : 0) + score / (1 + score);
    }

    /// <summary>The best <paramref name="limit"/> matches by <see cref="Key"/>, ties by passage id.</summary>
    public List<RankedPassage> Top(int limit)
    {
        if (limit <= 0 || _touched.Count == 0) return [];
        var heap = new PriorityQueue<int, (double Key, int Passage)>(limit + 1, WorstFirst.Instance);
        foreach (int passage in _touched)
        {
            var entry = (Key(passage), passage);
            if (heap.Count < limit) heap.Enqueue(passage, entry);
            else if (heap.TryPeek(out _, out var worst) && WorstFirst.Instance.Compare(entry, worst) > 0) heap.EnqueueDequeue(passage, entry);
        }
        var ranked = new List<RankedPassage>(heap.Count);
        while (heap.TryDequeue(out int passage, out var entry)) ranked.Add(new RankedPassage(passage, entry.Key));
        ranked.Reverse();
        return ranked;
    }

    public void Dispose()
    {
        foreach (int passage in _touched)
        {
            _score[passage] = 0;
            _coverage[passage] = 0;
            _inOrder[passage] = false;
        }
        _touched.Clear();
        _index.Return(this);
    }

    /// <summary>Orders heap entries worst first: lower key, then the higher passage id (ties rank the lower id first).</summary>
    private sealed class WorstFirst : IComparer<(double Key, int Passage)>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare((double Key, int Passage) x, (double Key, int Passage) y) =>
            x.Key != y.Key ? x.Key.CompareTo(y.Key) : y.Passage.CompareTo(x.Passage);
    }
}
