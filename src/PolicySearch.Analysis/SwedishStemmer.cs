namespace PolicySearch.Analysis;

/// <summary>
/// The Snowball Swedish stemming algorithm (snowballstem.org/algorithms/swedish), ported rule for rule so
/// it reproduces libstemmer's output. Works in place on lower-cased text and returns the new length.
/// </summary>
internal static class SwedishStemmer
{
    // Suffixes of main_suffix by last letter, longest first so the first hit is Snowball's longest match.
    private static readonly string[] EndingInA = ["heterna", "arna", "erna", "orna", "a"];
    private static readonly string[] EndingInD = ["ad"];
    private static readonly string[] EndingInE = ["ande", "arne", "aste", "ade", "are", "e"];
    private static readonly string[] EndingInN = ["anden", "heten", "aren", "ern", "en"];
    private static readonly string[] EndingInR = ["heter", "ar", "er", "or"];
    private static readonly string[] EndingInS =
        ["hetens", "andes", "arens", "arnas", "ernas", "ornas", "ades", "erns", "ens", "as", "es", "s"];
    private static readonly string[] EndingInT = ["andet", "ast", "het", "at"];

    private static readonly string[] ConsonantPairs = ["dd", "gd", "nn", "dt", "gt", "kt", "tt"];

    /// <summary>Stems <paramref name="word"/> in place; returns the length of the stem.</summary>
    public static int Stem(Span<char> word)
    {
        int p1 = MarkRegion(word);
        int length = RemoveMainSuffix(word, word.Length, p1);
        length = UndoubleConsonant(word, length, p1);
        return RemoveOtherSuffix(word, length, p1);
    }

    /// <summary>R1: after the first non-vowel that follows a vowel, but at least 3 characters in.</summary>
    private static int MarkRegion(ReadOnlySpan<char> word)
    {
        if (word.Length < 3)
        {
            return word.Length;
        }
        int i = 0;
        while (i < word.Length && !IsVowel(word[i])) i++;
        while (i < word.Length && IsVowel(word[i])) i++;
        if (i >= word.Length)
        {
            return word.Length;
        }
        return Math.Max(i + 1, 3);
    }

    private static int RemoveMainSuffix(ReadOnlySpan<char> word, int length, int p1)
    {
        if (length == 0)
        {
            return length;
        }
        var region = word[..length];
        string[] suffixes = region[^1] switch
        {
            'a' => EndingInA,
            'd' => EndingInD,
            'e' => EndingInE,
            'n' => EndingInN,
            'r' => EndingInR,
            's' => EndingInS,
            't' => EndingInT,
            _ => [],
        };
        foreach (string suffix in suffixes)
        {
            if (suffix.Length > length - p1 || !region.EndsWith(suffix, StringComparison.Ordinal))
            {
                continue;
            }
            if (suffix.Length == 1 && suffix[0] == 's')
            {
                // The s-ending test looks before R1: Snowball restores the limit before the among's action.
                return length >= 2 && IsValidSEnding(word[length - 2]) ? length - 1 : length;
            }
            return length - suffix.Length;
        }
        return length;
    }

    private static int UndoubleConsonant(ReadOnlySpan<char> word, int length, int p1)
    {
        if (length - p1 < 2)
        {
            return length;
        }
        var ending = word.Slice(length - 2, 2);
        foreach (string pair in ConsonantPairs)
        {
            if (ending.SequenceEqual(pair))
            {
                return length - 1;
            }
        }
        return length;
    }

    private static int RemoveOtherSuffix(Span<char> word, int length, int p1)
    {
        var region = word[..length];
        int available = length - p1;
        if (available >= 5 && region.EndsWith("fullt", StringComparison.Ordinal))
        {
            return length - 1;
        }
        if (available >= 4 && region.EndsWith("löst", StringComparison.Ordinal))
        {
            return length - 1;
        }
        if (available >= 3 && (region.EndsWith("lig", StringComparison.Ordinal) || region.EndsWith("els", StringComparison.Ordinal)))
        {
            return length - 3;
        }
        if (available >= 2 && region.EndsWith("ig", StringComparison.Ordinal))
        {
            return length - 2;
        }
        return length;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'ä' or 'å' or 'ö';

    private static bool IsValidSEnding(char c) => c is 'b' or 'c' or 'd' or 'f' or 'g' or 'h' or 'j' or 'k' or 'l'
        or 'm' or 'n' or 'o' or 'p' or 'r' or 't' or 'v' or 'y';
}
