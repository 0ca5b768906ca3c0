namespace PolicySearch.Analysis;

/// <summary>
/// An immutable snapshot of acronym pairs in the shape <see cref="AcronymFilter"/> needs: the stems an acronym
/// expands to (its first expansion, as a phrase in order), and per last stem the phrases (stem sequences)
/// that stand for an acronym.
/// </summary>
internal sealed class AcronymSet
{
    /// <summary>Longest expansion, in stems, that is recognised in text.</summary>
    public const int MaxPhraseLength = 8;

    private readonly Dictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> _expansionStems;
    private readonly Dictionary<string, Phrase[]>.AlternateLookup<ReadOnlySpan<char>> _phrasesByLastStem;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _phraseStems;

    private AcronymSet(Dictionary<string, List<string>> expansions)
    {
        Expansions = expansions.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value.ToArray(), StringComparer.Ordinal);
        var expansionStems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var phrases = new Dictionary<string, List<Phrase>>(StringComparer.Ordinal);
        foreach ((string acronym, List<string> longForms) in expansions)
        {
            string term = acronym.ToLowerInvariant();
            var stems = longForms.Select(Stems).Where(s => s.Length is > 0 and <= MaxPhraseLength).ToList();
            if (stems.Count == 0)
            {
                continue;
            }
            // The first expansion is the acronym's name: its stems, in order, are what the acronym expands to.
            // Every expansion is recognised when written out in text.
            expansionStems[term] = stems[0];
            foreach (string[] phrase in stems)
            {
                if (!phrases.TryGetValue(phrase[^1], out var list))
                {
                    phrases[phrase[^1]] = list = [];
                }
                list.Add(new Phrase(phrase, term));
            }
        }
        _expansionStems = expansionStems.GetAlternateLookup<ReadOnlySpan<char>>();
        _phrasesByLastStem = phrases.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _phraseStems = new HashSet<string>(phrases.Values.SelectMany(l => l).SelectMany(p => p.Stems), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        PairCount = expansions.Values.Sum(l => l.Count);
    }

    public static AcronymSet Empty { get; } = new(new Dictionary<string, List<string>>(StringComparer.Ordinal));

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Expansions { get; }

    public int PairCount { get; }

    /// <summary>A copy with <paramref name="pairs"/> added (case-insensitive duplicates ignored).</summary>
    public AcronymSet With(IEnumerable<(string Acronym, string Expansion)> pairs)
    {
        var expansions = Expansions.ToDictionary(p => p.Key, p => p.Value.ToList(), StringComparer.Ordinal);
        foreach ((string acronym, string expansion) in pairs)
        {
            string key = acronym.ToUpperInvariant();
            string value = expansion.Trim();
            if (!expansions.TryGetValue(key, out var list))
            {
                expansions[key] = list = [];
            }
            if (!list.Any(e => string.Equals(e, value, StringComparison.OrdinalIgnoreCase)))
            {
                list.Add(value);
            }
        }
        return new AcronymSet(expansions);
    }

    /// <summary>The stems, in order, of the first expansion of <paramref name="acronym"/> (lower case).</summary>
    public string[]? ExpansionStems(ReadOnlySpan<char> acronym) =>
        _expansionStems.TryGetValue(acronym, out string[]? stems) ? stems : null;

    /// <summary>Phrases ending with <paramref name="stem"/>.</summary>
    public Phrase[]? PhrasesEndingWith(ReadOnlySpan<char> stem) =>
        _phrasesByLastStem.TryGetValue(stem, out Phrase[]? phrases) ? phrases : null;

    /// <summary>The stored string for a stem that occurs in some phrase, or null: lets the filter remember words without allocating.</summary>
    public string? PhraseStem(ReadOnlySpan<char> stem) =>
        _phraseStems.TryGetValue(stem, out string? stored) ? stored : null;

    /// <summary>The primary stems of a phrase, analysed as the index analyses text (without decompounding).</summary>
    private static string[] Stems(string phrase)
    {
        var tokenizer = new SwedishTokenizer(new TokenAttributes());
        tokenizer.SetText(phrase);
        var stream = new SwedishStemFilter(new StopFilter(new LowerCaseFilter(tokenizer)));
        var stems = new List<string>();
        while (stream.IncrementToken())
        {
            stems.Add(stream.Attributes.Term.ToString());
        }
        return [.. stems];
    }

    /// <summary>An expansion as stems, and the acronym (lower case) it stands for.</summary>
    internal sealed record Phrase(string[] Stems, string Acronym);
}
