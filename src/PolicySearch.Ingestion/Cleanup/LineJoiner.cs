using System.Text;

namespace PolicySearch.Ingestion;

/// <summary>
/// Joins a line broken by the layout to the text before it. A hyphen at the break is removed when it only split
/// a word (<c>samverkans-</c> + <c>överenskommelsen</c>) and kept when it is a real one: before a capital
/// (<c>Hägersten-</c> + <c>Älvsjö</c>), a digit, or a conjunction (<c>trygghets-</c> + <c>och</c>).
/// </summary>
internal static class LineJoiner
{
    private static readonly HashSet<string> s_conjunctions = new(StringComparer.Ordinal)
    {
        "och", "eller", "samt", "respektive", "resp.", "som", "till", "men", "&",
    };

    public static string Join(string before, string next, bool hyphenKeepsSpace)
    {
        var text = new StringBuilder(before);
        Append(text, next, hyphenKeepsSpace);
        return text.ToString();
    }

    /// <summary>Appends <paramref name="next"/> to <paramref name="text"/> in place (a paragraph grows line by line without copying).</summary>
    public static void Append(StringBuilder text, string next, bool hyphenKeepsSpace)
    {
        int end = text.Length;
        while (end > 0 && char.IsWhiteSpace(text[end - 1]))
            end--;
        text.Length = end;
        string tail = next.Trim();
        if (tail.Length == 0)
            return;
        if (end == 0)
        {
            text.Append(tail);
            return;
        }
        bool hyphen = end > 1 && text[end - 1] == '-' && char.IsLetterOrDigit(text[end - 2]);
        if (!hyphen || hyphenKeepsSpace || s_conjunctions.Contains(TextShape.FirstWord(tail).TrimEnd(',', '.')))
        {
            text.Append(' ').Append(tail);
            return;
        }
        if (char.IsLower(tail[0]))
            text.Length--;
        text.Append(tail);
    }
}
