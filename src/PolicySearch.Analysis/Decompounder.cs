namespace PolicySearch.Analysis;

/// <summary>One part of a split compound: a lemma from the lexicon (head parts), or a slice of the word (the last part).</summary>
internal readonly record struct CompoundPart(string? Lemma, int Start, int Length)
{
    public ReadOnlySpan<char> Text(ReadOnlySpan<char> word) => Lemma ?? word.Slice(Start, Length);
}

/// <summary>
/// Splits Swedish compounds into known words: <c>trygghet|s|kameror</c>, <c>skol|verksamhet</c> (skola).
/// Heads may carry a linking morpheme (s, e, u, o) or have lost their final vowel; the last part may be inflected
/// and is checked by its stem. Prefers splits hunspell itself vouches for (compound-begin forms, compound-end
/// lemmas), then two parts over three, then the most even split. Words that are themselves known, names and
/// splits with short parts stay whole (<c>polis|en</c>, <c>för|slag</c>, <c>Stock|holm</c>).
/// </summary>
internal static class Decompounder
{
    public const int MaxParts = 3;
    internal const int MaxWordLength = 64;
    private const int MinHeadLength = 3;
    private const int MinWeakHeadLength = 4;
    private const int MinTailLength = 4;
    private const int MinTailStemLength = 4;
    // polis|hus, arbets|lag, riks|dagen: a three-letter last part only where hunspell vouches for both sides and the
    // tail is such a lemma itself, plus an inflection (stems of short words collide: polis|ens, snabb|are).
    private const int MinShortTailLength = 3;
    private static readonly string[] ShortTailInflections = ["", "s", "en", "et", "ens", "ets", "ar", "er", "or", "arna", "erna", "orna", "na", "n", "a", "e"];
    // Derivational suffixes that are also compound-end words: sjuk|dom, stor|lek, bygg|ande.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SuffixLikeTails =
        new HashSet<string>(["dom", "lek", "ande", "ende"], StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NonParts =
        new HashSet<string>(AnalysisResources.ReadLines("compound-non-parts.txt"), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Writes the parts of <paramref name="word"/> (lower case) to <paramref name="parts"/>; returns 0 when it stays whole.</summary>
    public static int Split(ReadOnlySpan<char> word, CompoundLexicon lexicon, Span<CompoundPart> parts)
    {
        if (word.Length < MinHeadLength + MinShortTailLength || word.Length > MaxWordLength)
        {
            return 0;
        }
        Span<char> scratch = stackalloc char[MaxWordLength + 1];
        ReadOnlySpan<char> stem = Stem(word, scratch);
        if (lexicon.IsNameStem(stem))
        {
            return 0;
        }
        bool known = lexicon.IsWordStem(stem);
        if (TrySplitInTwo(word, 0, lexicon, known, out Candidate best))
        {
            parts[0] = new CompoundPart(best.Head, 0, best.TailStart);
            parts[1] = new CompoundPart(null, best.TailStart, word.Length - best.TailStart);
            return 2;
        }
        return known ? 0 : SplitInThree(word, lexicon, parts);
    }

    private static int SplitInThree(ReadOnlySpan<char> word, CompoundLexicon lexicon, Span<CompoundPart> parts)
    {
        for (int split = MinHeadLength; split <= word.Length - 2 * MinTailLength; split++)
        {
            if (Head(word[..split], lexicon, out _) is { } head && TrySplitInTwo(word, split, lexicon, known: false, out Candidate rest))
            {
                parts[0] = new CompoundPart(head, 0, split);
                parts[1] = new CompoundPart(rest.Head, split, rest.TailStart - split);
                parts[2] = new CompoundPart(null, rest.TailStart, word.Length - rest.TailStart);
                return 3;
            }
        }
        return 0;
    }

    /// <summary>Best split of <c>word[from..]</c> into a head and a tail.</summary>
    private static bool TrySplitInTwo(ReadOnlySpan<char> word, int from, CompoundLexicon lexicon, bool known, out Candidate best)
    {
        best = default;
        int bestScore = -1;
        Span<char> scratch = stackalloc char[MaxWordLength + 1];
        for (int split = from + MinHeadLength; split <= word.Length - MinShortTailLength; split++)
        {
            if (Head(word[from..split], lexicon, out bool strongHead) is not { } head)
            {
                continue;
            }
            if (!IsTail(word[split..], lexicon, scratch, out bool strongTail, out bool shortTail) || (shortTail && !strongHead))
            {
                continue;
            }
            // A known word is split only when hunspell vouches for one side and the head is no guess:
            // keeps polis|en, för|slag and erfar|enhet whole.
            bool exactHead = word[from..split].SequenceEqual(head);
            if (known && (!(strongHead || strongTail) || !(strongHead || exactHead) || split - from < MinWeakHeadLength))
            {
                continue;
            }
            int evenness = Math.Min(split - from, word.Length - split);
            int score = ((strongHead ? 1 : 0) + (strongTail ? 1 : 0)) * 100 + evenness;
            if (score > bestScore)
            {
                bestScore = score;
                best = new Candidate(head, split);
            }
        }
        return bestScore >= 0;
    }

    /// <summary>
    /// Whether <paramref name="tail"/> is an inflected known word; strong when that word may end a compound, short
    /// when its stem is shorter than <see cref="MinTailStemLength"/> (then it must be strong).
    /// </summary>
    private static bool IsTail(ReadOnlySpan<char> tail, CompoundLexicon lexicon, Span<char> scratch, out bool strong, out bool isShort)
    {
        strong = isShort = false;
        if (StopFilter.IsStopWord(tail) || NonParts.Contains(tail))
        {
            return false;
        }
        ReadOnlySpan<char> stem = Stem(tail, scratch);
        if (!lexicon.IsWordStem(stem) && tail.Length > MinShortTailLength + 1)
        {
            // Snowball keeps the neuter definite -et (kontoret, huset): try the word without it.
            int cut = tail.EndsWith("ets", StringComparison.Ordinal) ? 3 : tail.EndsWith("et", StringComparison.Ordinal) ? 2 : 0;
            stem = cut == 0 ? stem : Stem(tail[..^cut], scratch);
        }
        if (stem.Length < MinShortTailLength || NonParts.Contains(stem) || !lexicon.IsWordStem(stem))
        {
            return false;
        }
        strong = lexicon.IsCompoundEndStem(stem);
        isShort = stem.Length < MinTailStemLength || tail.Length < MinTailLength;
        return !isShort || (strong && IsShortCompoundEnd(tail, lexicon));
    }

    /// <summary>Whether a short tail is a compound-end lemma plus one of <see cref="ShortTailInflections"/>.</summary>
    private static bool IsShortCompoundEnd(ReadOnlySpan<char> tail, CompoundLexicon lexicon)
    {
        foreach (string inflection in ShortTailInflections)
        {
            if (!tail.EndsWith(inflection, StringComparison.Ordinal) || tail.Length - inflection.Length < MinShortTailLength)
            {
                continue;
            }
            ReadOnlySpan<char> lemma = tail[..^inflection.Length];
            if (lexicon.IsCompoundEnd(lemma) && !SuffixLikeTails.Contains(lemma))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The lemma a compound's first part stands for, or null. Strong when hunspell lists the form as a compound beginning.</summary>
    private static string? Head(ReadOnlySpan<char> form, CompoundLexicon lexicon, out bool strong)
    {
        strong = true;
        if (lexicon.CompoundHead(form) is { } listed && !StopFilter.IsStopWord(listed) && !NonParts.Contains(listed))
        {
            return listed;
        }
        strong = false;
        if (form.Length < MinWeakHeadLength)
        {
            return null;
        }
        Span<char> variant = stackalloc char[form.Length + 1];
        form.CopyTo(variant);
        string? lemma = lexicon.Word(form)                                                   // gäng|kriminalitet
            ?? (form[^1] == 's' ? lexicon.Word(form[..^1]) : null)                              // stadsdel|s|nämnd
            ?? WithLastLetter(variant, form.Length, 'a', lexicon)                                // skol|verksamhet
            ?? WithLastLetter(variant, form.Length, 'e', lexicon)                                // pojk|vän
            ?? (form[^1] is 'u' or 'o' ? WithLastLetter(variant, form.Length - 1, 'a', lexicon) : null); // gatu|kontor
        return lemma is not null && !StopFilter.IsStopWord(lemma) && !NonParts.Contains(lemma) ? lemma : null;
    }

    private static string? WithLastLetter(Span<char> variant, int length, char letter, CompoundLexicon lexicon)
    {
        variant[length] = letter;
        return lexicon.Word(variant[..(length + 1)]);
    }

    private static ReadOnlySpan<char> Stem(ReadOnlySpan<char> word, Span<char> scratch)
    {
        word.CopyTo(scratch);
        return scratch[..SwedishStemmer.Stem(scratch[..word.Length])];
    }

    private readonly record struct Candidate(string Head, int TailStart);
}
