using System.Globalization;
using System.Text;

namespace PolicySearch.IndexTool.Evaluation;

/// <summary>
/// The evaluation's text normalisation, as <c>evalnorm.py</c> does it: NFC, lower case, then only the
/// characters Python's <c>str.isalnum</c> accepts (letters, and decimal, digit and numeric characters).
/// </summary>
internal static class EvalNormalizer
{
    public static string Normalize(string text)
    {
        string lowered = text.Normalize(NormalizationForm.FormC).ToLowerInvariant();
        var kept = new StringBuilder(lowered.Length);
        foreach (var rune in lowered.EnumerateRunes())
        {
            if (IsAlphanumeric(rune)) kept.Append(rune.ToString());
        }
        return kept.ToString();
    }

    private static bool IsAlphanumeric(Rune rune) => Rune.GetUnicodeCategory(rune) is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or
        UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or
        UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;
}
