namespace PolicySearch.Analysis;

/// <summary>
/// Connects acronyms and their expansions (<see cref="TokenKind.AcronymExpansion"/>): an acronym written in
/// capitals is followed by the stems of its expansions, and the last word of an expansion written out
/// (<c>sociala insatsgrupper</c>) is followed by the acronym, with offsets spanning the whole phrase.
/// Runs after stemming; remembers the last few words of the primary stream.
/// </summary>
internal sealed class AcronymFilter(TokenStream input, AcronymTable table) : ExpandingTokenFilter(input)
{
    private readonly string?[] _recentStems = new string?[AcronymSet.MaxPhraseLength];
    private readonly int[] _recentStarts = new int[AcronymSet.MaxPhraseLength];
    private int _recentCount;

    public override void Reset()
    {
        base.Reset();
        Array.Clear(_recentStems);
        _recentCount = 0;
    }

    protected override void Expand()
    {
        if (Attributes.PositionIncrement == 0)
        {
            return;
        }
        AcronymSet acronyms = table.Current;
        ReadOnlySpan<char> term = Attributes.Term;
        if (Attributes.IsUpperCase && acronyms.ExpansionStems(term) is { } stems)
        {
            foreach (string stem in stems)
            {
                Add(stem, TokenKind.AcronymExpansion, isKeyword: true);
            }
        }
        Remember(acronyms.PhraseStem(term));
        foreach (AcronymSet.Phrase phrase in acronyms.PhrasesEndingWith(term) ?? [])
        {
            if (EndsWithPhrase(phrase.Stems) && !IsPending(phrase.Acronym))
            {
                int start = _recentStarts[(_recentCount - phrase.Stems.Length) % _recentStems.Length];
                Add(phrase.Acronym, TokenKind.AcronymExpansion, isKeyword: true, start, Attributes.End);
            }
        }
    }

    private void Remember(string? stem)
    {
        int slot = _recentCount++ % _recentStems.Length;
        _recentStems[slot] = stem;
        _recentStarts[slot] = Attributes.Start;
    }

    private bool EndsWithPhrase(string[] stems)
    {
        if (stems.Length > _recentCount)
        {
            return false;
        }
        for (int i = 0; i < stems.Length; i++)
        {
            int slot = (_recentCount - stems.Length + i) % _recentStems.Length;
            if (!string.Equals(_recentStems[slot], stems[i], StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }
}
