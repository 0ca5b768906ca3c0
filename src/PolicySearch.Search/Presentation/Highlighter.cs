using System.Collections.Concurrent;
using PolicySearch.Analysis;
using PolicySearch.Search.Querying;

namespace PolicySearch.Search.Presentation;

/// <summary>
/// Character ranges of a passage to highlight: the passage is analysed again and every token whose term
/// (word, compound part, folded form or expansion) the query asked for marks its offsets in the original text.
/// Analysis runs per whitespace-separated chunk and is memoised, because the same words recur across hits and
/// searches and re-analysing whole passages was the largest cost of a search.
/// </summary>
internal sealed class Highlighter(SwedishAnalyzer analyzer)
{
    private const int MaxCachedChunks = 200_000;

    private readonly ConcurrentDictionary<string, ChunkToken[]> _chunks = new(StringComparer.Ordinal);

    public IReadOnlyList<HighlightRange> Find(KeywordQuery query, string text)
    {
        if (query.HighlightTerms.Count == 0 && query.HighlightWords.Count == 0 && query.HighlightPrefixes.Count == 0) return [];
        var ranges = new List<(int Start, int End)>();
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            int start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            if (i == start) break;
            foreach (var token in Analyze(text[start..i]))
            {
                if (query.HighlightTerms.Contains(token.Term) || StartsWithAny(token.Term, query.HighlightPrefixes)
                    || (token.IsWord && query.HighlightWords.Contains(token.Term)))
                    ranges.Add((start + token.Start, start + token.End));
            }
        }
        return Merge(ranges);
    }

    private ChunkToken[] Analyze(string chunk)
    {
        if (_chunks.TryGetValue(chunk, out var tokens)) return tokens;
        tokens = analyzer.Analyze(chunk).Select(t => new ChunkToken(t.Term, t.Start, t.End, t.Kind is TokenKind.Word or TokenKind.Identifier or TokenKind.Number)).ToArray();
        if (_chunks.Count >= MaxCachedChunks) _chunks.Clear();
        _chunks.TryAdd(chunk, tokens);
        return tokens;
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

    private readonly record struct ChunkToken(string Term, int Start, int End, bool IsWord);
}
