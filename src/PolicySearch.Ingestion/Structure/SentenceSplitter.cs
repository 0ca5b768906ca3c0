using System.Text.RegularExpressions;

namespace PolicySearch.Ingestion;

/// <summary>Finds sentence boundaries in Swedish text, not breaking after common abbreviations (m.fl., t.ex., s.k.).</summary>
internal static partial class SentenceSplitter
{
    [GeneratedRegex(@"[.!?]+[”""’)]*\s+(?=[\p{Lu}\d”""(–-])")]
    private static partial Regex Boundary();

    [GeneratedRegex(@"(?:^|\s)(?:m\.fl|bl\.a|t\.ex|s\.k|d\.v\.s|dvs|o\.s\.v|osv|ca|kl|nr|resp|jfr|p\.g\.a|pga|f\.d|inkl|exkl|tel|dnr|\p{Lu})\.$", RegexOptions.IgnoreCase)]
    private static partial Regex AbbreviationEnd();

    /// <summary>Start offsets of the sentences in <paramref name="text"/> (the first is always 0).</summary>
    public static List<int> Starts(string text)
    {
        var starts = new List<int> { 0 };
        foreach (Match m in Boundary().Matches(text))
        {
            int from = Math.Max(0, m.Index + 1 - 12);
            if (AbbreviationEnd().IsMatch(text.AsSpan(from, m.Index + 1 - from)))
                continue;
            starts.Add(m.Index + m.Length);
        }
        return starts;
    }

    /// <summary>The sentences of <paramref name="text"/>, trimmed.</summary>
    public static List<string> Split(string text)
    {
        List<int> starts = Starts(text);
        var sentences = new List<string>(starts.Count);
        for (int i = 0; i < starts.Count; i++)
        {
            int end = i + 1 < starts.Count ? starts[i + 1] : text.Length;
            sentences.Add(text[starts[i]..end].Trim());
        }
        return sentences;
    }
}
