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
        string head = before.TrimEnd();
        string tail = next.Trim();
        if (head.Length == 0)
            return tail;
        if (tail.Length == 0)
            return head;
        bool hyphen = head.Length > 1 && head[^1] == '-' && char.IsLetterOrDigit(head[^2]);
        if (!hyphen)
            return head + " " + tail;
        string firstWord = TextShape.FirstWord(tail).TrimEnd(',', '.');
        if (hyphenKeepsSpace || s_conjunctions.Contains(firstWord))
            return head + " " + tail;
        if (char.IsLower(tail[0]))
            return head[..^1] + tail;
        return head + tail;
    }
}
