namespace PolicySearch.Ingestion;

/// <summary>Small facts about the shape of a piece of text, shared by the clean-up stages.</summary>
internal static class TextShape
{
    /// <summary>True when the text ends like a finished sentence or clause (., !, ?, :, ; or a closing quote/bracket after one).</summary>
    public static bool EndsSentence(string text)
    {
        string t = text.TrimEnd().TrimEnd('"', '”', '’', ')', '*');
        return t.Length > 0 && t[^1] is '.' or '!' or '?' or ':' or ';';
    }

    /// <summary>True when the text begins with a lower-case letter: the continuation of a broken sentence.</summary>
    public static bool StartsLowercase(string text)
    {
        string t = text.TrimStart();
        return t.Length > 0 && char.IsLower(t[0]);
    }

    /// <summary>The first whitespace-separated word.</summary>
    public static string FirstWord(string text)
    {
        string t = text.TrimStart();
        int space = t.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? t : t[..space];
    }

    /// <summary>Number of whitespace-separated words.</summary>
    public static int WordCount(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
