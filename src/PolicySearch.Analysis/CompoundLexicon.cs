namespace PolicySearch.Analysis;

/// <summary>
/// The words the decompounder knows, from the hunspell sv_SE dictionary (<c>Data/lexicon-*.txt</c>, made by
/// <c>scripts/make-lexicon.py</c>) plus <c>Data/lexicon-additions.txt</c>. Loaded once; read-only afterwards,
/// so one instance serves every thread. <see cref="Folded"/> is the same lexicon without diacritics, for
/// queries typed without å, ä, ö.
/// </summary>
internal sealed class CompoundLexicon
{
    private static readonly Lazy<CompoundLexicon> LazyDefault = new(() => Load(fold: false));
    private static readonly Lazy<CompoundLexicon> LazyFolded = new(() => Load(fold: true));

    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _words;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _wordStems;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _endWords;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _endStems;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _nameStems;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _heads;

    private CompoundLexicon(HashSet<string> words, HashSet<string> endWords, Dictionary<string, string> heads, HashSet<string> names)
    {
        _words = words.GetAlternateLookup<ReadOnlySpan<char>>();
        _wordStems = StemAll(words).GetAlternateLookup<ReadOnlySpan<char>>();
        _endWords = endWords.GetAlternateLookup<ReadOnlySpan<char>>();
        _endStems = StemAll(endWords).GetAlternateLookup<ReadOnlySpan<char>>();
        _nameStems = StemAll(names).GetAlternateLookup<ReadOnlySpan<char>>();
        _heads = heads.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static CompoundLexicon Default => LazyDefault.Value;

    public static CompoundLexicon Folded => LazyFolded.Value;

    /// <summary>The lemma as stored, or null when <paramref name="word"/> is not a lemma.</summary>
    public string? Word(ReadOnlySpan<char> word) => _words.TryGetValue(word, out string? lemma) ? lemma : null;

    /// <summary>The lemma of a form hunspell lets begin a compound (<c>trygghets</c> → <c>trygghet</c>), or null.</summary>
    public string? CompoundHead(ReadOnlySpan<char> form) => _heads.TryGetValue(form, out string? lemma) ? lemma : null;

    /// <summary>Whether some lemma has this stem.</summary>
    public bool IsWordStem(ReadOnlySpan<char> stem) => _wordStems.Contains(stem);

    /// <summary>Whether <paramref name="word"/> is a lemma that may end a compound.</summary>
    public bool IsCompoundEnd(ReadOnlySpan<char> word) => _endWords.Contains(word);

    /// <summary>Whether some lemma that may end a compound has this stem.</summary>
    public bool IsCompoundEndStem(ReadOnlySpan<char> stem) => _endStems.Contains(stem);

    /// <summary>Whether a proper noun (Stockholm, Rinkeby) has this stem.</summary>
    public bool IsNameStem(ReadOnlySpan<char> stem) => _nameStems.Contains(stem);

    private static CompoundLexicon Load(bool fold)
    {
        Func<string, string> normalize = fold ? DiacriticFolder.Fold : word => word;
        var words = new HashSet<string>(StringComparer.Ordinal);
        var endWords = new HashSet<string>(StringComparer.Ordinal);
        foreach (string line in AnalysisResources.ReadLines("lexicon-words.txt").Concat(AnalysisResources.ReadLines("lexicon-additions.txt")))
        {
            string[] fields = line.Split('\t');
            string word = normalize(fields[0]);
            words.Add(word);
            if (fields.Length > 1 && fields[1] == "Y")
            {
                endWords.Add(word);
            }
        }
        var heads = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in AnalysisResources.ReadLines("lexicon-compound-heads.txt"))
        {
            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            heads.TryAdd(normalize(line[..tab]), normalize(line[(tab + 1)..]));
        }
        var names = new HashSet<string>(AnalysisResources.ReadLines("lexicon-names.txt").Select(normalize), StringComparer.Ordinal);
        return new CompoundLexicon(words, endWords, heads, names);
    }

    private static HashSet<string> StemAll(IEnumerable<string> words)
    {
        var stems = new HashSet<string>(StringComparer.Ordinal);
        char[] buffer = new char[64];
        foreach (string word in words)
        {
            if (word.Length > buffer.Length)
            {
                buffer = new char[word.Length];
            }
            word.CopyTo(buffer);
            stems.Add(new string(buffer, 0, SwedishStemmer.Stem(buffer.AsSpan(0, word.Length))));
        }
        return stems;
    }
}
