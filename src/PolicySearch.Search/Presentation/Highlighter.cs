using PolicySearch.Analysis;
using PolicySearch.Search.Querying;

namespace PolicySearch.Search.Presentation;

/// <summary>
/// Character ranges of a passage to highlight: the passage is analysed again and every token whose term
/// (word, compound part, folded form or expansion) the query asked for marks its offsets in the original text.
/// </summary>
internal static class Highlighter
{
    public static IReadOnlyList<HighlightRange> Find(SwedishAnalyzer analyzer, KeywordQuery query, string text)
    {
        if (query.HighlightTerms.Count == 0 && query.HighlightPrefixes.Count == 0) return [];
        var ranges = new List<(int Start, int End)>();
        foreach (var token in analyzer.Analyze(text))
        {
            if (query.HighlightTerms.Contains(token.Term) || StartsWithAny(token.Term, query.HighlightPrefixes))
                ranges.Add((token.Start, token.End));
        }
        return Merge(ranges);
    }

    private static bool StartsWithAny(string term, List<string> prefixes)
    {
        foreach (string prefix in prefixes)
            if (term.StartsWith(prefix, StringComparison.Ordinal)) return true;
        return false;
    }

    private static List<HighlightRange> Merge(List<(int Start, int End)> ranges)
    {
        ranges.Sort();
        var merged = new List<HighlightRange>(ranges.Count);
        foreach (var (start, end) in ranges)
        {
            if (merged.Count > 0 && start <= merged[^1].End)
            {
                if (end > merged[^1].End) merged[^1] = merged[^1] with { End = end };
            }
            else
            {
                merged.Add(new HighlightRange(start, end));
            }
        }
        return merged;
    }
}
