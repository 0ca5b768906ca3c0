namespace PolicySearch.Analysis;

/// <summary>
/// Finds acronyms defined in running text: <c>Sociala Insatsgrupper (SIG)</c>, <c>lokala utvecklingsprogram, LUP</c>
/// and <c>SIG (sociala insatsgrupper)</c>. The long form is found with Schwartz and Hearst's algorithm
/// (2003): the acronym's letters appear in order in the words before it, the first one starting a word.
/// </summary>
internal static class AcronymDefinitionFinder
{
    public static IEnumerable<(string Acronym, string Expansion)> Find(string text)
    {
        var words = Words(text);
        for (int i = 0; i < words.Count; i++)
        {
            WordSpan word = words[i];
            if (!UpperCaseFilter.IsAcronym(word.Text))
            {
                continue;
            }
            ReadOnlySpan<char> before = Gap(text, words, i - 1, i).Trim();
            ReadOnlySpan<char> after = Gap(text, words, i, i + 1).Trim();
            string? expansion = null;
            if ((before.EndsWith("(") && after.StartsWith(")")) || (before.SequenceEqual(",") && !after.StartsWith("(")))
            {
                expansion = LongFormBefore(text, words, i);
            }
            else if (after.SequenceEqual("("))
            {
                expansion = LongFormInParentheses(text, words, i);
            }
            if (expansion is not null)
            {
                yield return (word.Text, expansion);
            }
        }
    }

    private static string? LongFormBefore(string text, List<WordSpan> words, int acronym)
    {
        int maxWords = MaxLongFormWords(words[acronym].Text);
        int first = acronym - 1;
        while (first > 0 && acronym - first < maxWords && IsPhraseGap(Gap(text, words, first - 1, first)))
        {
            first--;
        }
        return first < 0 ? null : LongForm(words[acronym].Text, words, first, acronym);
    }

    private static string? LongFormInParentheses(string text, List<WordSpan> words, int acronym)
    {
        int maxWords = MaxLongFormWords(words[acronym].Text);
        for (int last = acronym + 1; last < words.Count && last - acronym <= maxWords; last++)
        {
            if (last > acronym + 1 && !IsPhraseGap(Gap(text, words, last - 1, last)))
            {
                return null;
            }
            if (Gap(text, words, last, last + 1).TrimStart().StartsWith(")"))
            {
                return LongForm(words[acronym].Text, words, acronym + 1, last + 1);
            }
        }
        return null;
    }

    /// <summary>Schwartz and Hearst's bound on the long form: min(|A| + 5, 2|A|) words.</summary>
    private static int MaxLongFormWords(string acronym) => Math.Min(acronym.Length + 5, acronym.Length * 2);

    /// <summary>Words of one long form are separated only by spaces, line breaks or hyphens.</summary>
    private static bool IsPhraseGap(ReadOnlySpan<char> gap)
    {
        foreach (char c in gap)
        {
            if (!char.IsWhiteSpace(c) && c != '-')
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The shortest run of <c>words[from..to]</c> ending at <paramref name="to"/> that spells <paramref name="acronym"/>.</summary>
    private static string? LongForm(string acronym, List<WordSpan> words, int from, int to)
    {
        string candidate = string.Join(' ', words.GetRange(from, to - from).Select(w => w.Text));
        int a = acronym.Length - 1, c = candidate.Length - 1;
        while (a >= 0)
        {
            char letter = char.ToLowerInvariant(acronym[a]);
            while (c >= 0 && (char.ToLowerInvariant(candidate[c]) != letter || (a == 0 && c > 0 && candidate[c - 1] != ' ')))
            {
                c--;
            }
            if (c < 0)
            {
                return null;
            }
            c--;
            a--;
        }
        string longForm = candidate[(c + 1)..];
        return longForm.Length > acronym.Length ? longForm : null;
    }

    private static ReadOnlySpan<char> Gap(string text, List<WordSpan> words, int left, int right)
    {
        int start = left < 0 ? 0 : words[left].End;
        int end = right >= words.Count ? text.Length : words[right].Start;
        return text.AsSpan(start, end - start);
    }

    private static List<WordSpan> Words(string text)
    {
        var tokenizer = new SwedishTokenizer(new TokenAttributes());
        tokenizer.SetText(text);
        var words = new List<WordSpan>();
        while (tokenizer.IncrementToken())
        {
            TokenAttributes token = tokenizer.Attributes;
            words.Add(new WordSpan(token.Term.ToString(), token.Start, token.End));
        }
        return words;
    }

    private readonly record struct WordSpan(string Text, int Start, int End);
}
