using System.Text;

namespace PolicySearch.Search.Indexing;

/// <summary>
/// Writes analysed terms as tokens FTS5's <c>ascii</c> tokenizer keeps whole. ASCII letters and digits
/// and every non-ASCII character pass through; any other ASCII character (<c>:</c>, <c>/</c>, <c>-</c>,
/// <c>"</c>, <c>*</c> …) becomes <c>_</c> plus two hex digits. The mapping works character by character,
/// so the code of a prefix is a prefix of the code, and the output can never contain FTS5 syntax.
/// </summary>
internal static class TermEncoder
{
    public static string Encode(string term)
    {
        if (IsPlain(term)) return term;
        var builder = new StringBuilder(term.Length + 8);
        Append(builder, term);
        return builder.ToString();
    }

    /// <summary>Appends the code of <paramref name="term"/> to <paramref name="builder"/>.</summary>
    public static void Append(StringBuilder builder, string term)
    {
        foreach (char c in term)
        {
            if (c > 127 || char.IsAsciiLetterOrDigit(c))
                builder.Append(char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c);
            else
                builder.Append('_').Append(((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static bool IsPlain(string term)
    {
        foreach (char c in term)
            if (!(c > 127 || char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))) return false;
        return true;
    }
}
