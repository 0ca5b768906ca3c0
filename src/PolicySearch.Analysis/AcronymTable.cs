namespace PolicySearch.Analysis;

/// <summary>
/// Acronyms and what they stand for (<c>SIG</c> = sociala insatsgrupper), so a search for one finds the other.
/// Starts from the domain table <c>Data/acronyms.tsv</c>; <see cref="Learn"/> adds the pairs a document defines
/// itself (<c>Sociala Insatsgrupper (SIG)</c>). Feed documents before indexing their passages.
/// Safe to use from many threads: readers see an immutable snapshot that learning replaces.
/// </summary>
public sealed class AcronymTable
{
    private readonly Lock _gate = new();
    private volatile AcronymSet _current;

    /// <summary>A table holding the domain acronyms of <c>Data/acronyms.tsv</c>.</summary>
    public AcronymTable()
    {
        var pairs = new List<(string, string)>();
        foreach (string line in AnalysisResources.ReadLines("acronyms.tsv"))
        {
            string[] fields = line.Split('\t');
            pairs.AddRange(fields.Skip(1).Select(expansion => (fields[0], expansion)));
        }
        _current = AcronymSet.Empty.With(pairs);
    }

    /// <summary>Every acronym (upper case) with the expansions known for it.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Pairs => _current.Expansions;

    /// <summary>Adds that <paramref name="acronym"/> stands for <paramref name="expansion"/>.</summary>
    public void Add(string acronym, string expansion)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(acronym);
        ArgumentException.ThrowIfNullOrWhiteSpace(expansion);
        AddRange([(acronym, expansion)]);
    }

    /// <summary>Learns the acronyms <paramref name="text"/> defines; returns how many pairs were new.</summary>
    public int Learn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return AddRange(AcronymDefinitionFinder.Find(text).ToList());
    }

    internal AcronymSet Current => _current;

    private int AddRange(IReadOnlyList<(string Acronym, string Expansion)> pairs)
    {
        if (pairs.Count == 0)
        {
            return 0;
        }
        lock (_gate)
        {
            AcronymSet before = _current;
            _current = before.With(pairs);
            return _current.PairCount - before.PairCount;
        }
    }
}
