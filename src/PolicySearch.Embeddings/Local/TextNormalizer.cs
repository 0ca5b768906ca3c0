using System.Globalization;
using System.Text;

namespace PolicySearch.Embeddings.Local;

/// <summary>
/// Lower-cases, NFC-normalises and optionally folds diacritics, so that "Kameraövervakning",
/// "kameraövervakning" and "kameraovervakning" share character n-grams.
/// </summary>
internal static class TextNormalizer
{
    // Folding table for the Latin blocks only: computed once from Unicode decomposition,
    // so å/ä→a, ö→o, é→e, ü→u without a hand-written list.
    private const char LastFoldable = '\u024F';
    private static readonly char[] Folded = BuildFoldingTable();

    public static string Normalize(string text, bool foldDiacritics)
    {
        string wellFormed = WellFormed(text);
        string nfc = wellFormed.IsNormalized(NormalizationForm.FormC) ? wellFormed : wellFormed.Normalize(NormalizationForm.FormC);
        return string.Create(nfc.Length, (nfc, foldDiacritics), static (span, state) =>
        {
            (string source, bool fold) = state;
            for (int i = 0; i < source.Length; i++)
            {
                char c = char.ToLowerInvariant(source[i]);
                span[i] = fold && c <= LastFoldable ? Folded[c] : c;
            }
        });
    }

    /// <summary>
    /// The text with every lone surrogate replaced by U+FFFD (same length): Unicode normalisation throws on
    /// ill-formed UTF-16, which any .NET string (a query cut mid-pair, a JSON escape) may be.
    /// </summary>
    private static string WellFormed(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i]))
                continue;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            return Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));
        }
        return text;
    }

    private static char[] BuildFoldingTable()
    {
        var table = new char[LastFoldable + 1];
        for (int c = 0; c <= LastFoldable; c++)
        {
            table[c] = (char)c;
            if (c < 0x80)
                continue;
            string decomposed = ((char)c).ToString().Normalize(NormalizationForm.FormD);
            if (decomposed.Length > 1 && decomposed[0] < 0x80 && char.IsLetter(decomposed[0])
                && decomposed.Skip(1).All(m => CharUnicodeInfo.GetUnicodeCategory(m) == UnicodeCategory.NonSpacingMark))
                table[c] = decomposed[0];
        }
        return table;
    }
}
