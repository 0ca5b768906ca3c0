namespace PolicySearch.Analysis;

/// <summary>
/// Follows a compound with its parts (<see cref="TokenKind.CompoundPart"/>, the compound's offsets, same
/// position): <c>kameraövervakning</c> → <c>kamera</c>, <c>övervakning</c>. The whole word stays. Parts are
/// emitted as words so the stemmer after this filter stems them exactly like the same words standing alone.
/// With <paramref name="foldedLexicon"/> (queries) a word without å, ä, ö is split with the folded lexicon.
/// </summary>
internal sealed class DecompoundFilter(TokenStream input, bool foldedLexicon) : ExpandingTokenFilter(input)
{
    private const int MinCompoundLength = 7;
    private const int MaxCachedWords = 50_000;

    private readonly CompoundPart[] _parts = new CompoundPart[Decompounder.MaxParts];

    // Words recur (Zipf): splitting is looked up far more often than computed. Per chain, so no locking.
    private readonly Dictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> _cache =
        new Dictionary<string, string[]>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    protected override void Expand()
    {
        ReadOnlySpan<char> word = Attributes.Term;
        if (Attributes.IsKeyword || Attributes.Kind is not (TokenKind.Word or TokenKind.CompoundPart)
            || word.Length < MinCompoundLength || !IsLetters(word))
        {
            return;
        }
        if (!_cache.TryGetValue(word, out string[]? parts))
        {
            parts = Split(word);
            if (_cache.Dictionary.Count >= MaxCachedWords)
            {
                _cache.Dictionary.Clear();
            }
            _cache[word] = parts;
        }
        foreach (string part in parts)
        {
            Add(part, TokenKind.CompoundPart, isKeyword: false);
        }
    }

    private string[] Split(ReadOnlySpan<char> word)
    {
        // A query word without diacritics may have been typed without them: the folded lexicon also knows
        // it as a name (Skarholmen) or as parts (kamera|overvakning).
        CompoundLexicon lexicon = foldedLexicon && !DiacriticFolder.NeedsFolding(word) ? CompoundLexicon.Folded : CompoundLexicon.Default;
        int count = Decompounder.Split(word, lexicon, _parts);
        if (count == 0)
        {
            return [];
        }
        string[] parts = new string[count];
        for (int i = 0; i < count; i++)
        {
            parts[i] = _parts[i].Text(word).ToString();
        }
        return parts;
    }

    private static bool IsLetters(ReadOnlySpan<char> word)
    {
        foreach (char c in word)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }
        return true;
    }
}
