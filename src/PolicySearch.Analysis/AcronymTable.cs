namespace PolicySearch.Analysis;

/// <summary>
/// Acronyms and what they stand for (<c>SIG</c> = sociala insatsgrupper), so a search for one finds the other.
/// Starts from the domain table <c>Data/acronyms.tsv</c>; <see cref="Learn"/> adds the pairs a document defines
/// itself (<c>Sociala Insatsgrupper (SIG)</c>). Feed documents before indexing their passages.
/// Safe to use from many threads: readers see an immutable snapshot that learning replaces.
/// </summary>
public sealed class AcronymTable
{
    private static readonly AcronymSet Domain = LoadDomain();

    /// <summary>Domain acronyms that, written in lower case, are also stop words (<c>sig</c>), by their lower-case form.</summary>
    private static readonly Dictionary<string, string> StopWordSpellings = Domain.Expansions.Keys
        .Where(acronym => StopFilter.IsStopWord(acronym.ToLowerInvariant()))
        .ToDictionary(acronym => acronym.ToLowerInvariant(), StringComparer.Ordinal);

    private readonly Lock _gate = new();
    private volatile AcronymSet _current = Domain;

    /// <summary>A table holding the domain acronyms of <c>Data/acronyms.tsv</c>.</summary>
    public AcronymTable()
    {
    }

    /// <summary>
    /// The domain acronym (<c>Data/acronyms.tsv</c>, never a learned one) spelled like the stop word
    /// <paramref name="word"/> in any case (<c>sig</c> → <c>SIG</c>), or null. The analyzer drops such a word unless it
    /// is written in capitals; a caller whose context shows the acronym is meant passes the returned spelling instead.
    /// </summary>
    public static string? AcronymSpelledAsStopWord(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return StopWordSpellings.GetValueOrDefault(word.ToLowerInvariant());
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

    private static AcronymSet LoadDomain()
    {
        var pairs = new List<(string, string)>();
        foreach (string line in AnalysisResources.ReadLines("acronyms.tsv"))
        {
            string[] fields = line.Split('\t');
            pairs.AddRange(fields.Skip(1).Select(expansion => (fields[0], expansion)));
        }
        return AcronymSet.Empty.With(pairs);
    }

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
