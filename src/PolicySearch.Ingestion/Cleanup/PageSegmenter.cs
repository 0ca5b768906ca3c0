using PolicySearch.Ingestion.Readers;
using System.Text;
using System.Text.RegularExpressions;

namespace PolicySearch.Ingestion;

/// <summary>The lines of a document with their pages, and the header/footer lines that were taken out.</summary>
internal sealed record PagedText(IReadOnlyList<PageLine> Lines, IReadOnlyList<string> Furniture);

/// <summary>
/// Splits extracted text into lines that know their page, and removes page headers and footers.
/// Pages come from the reader (PDF), from form feeds, or from the mark PDF-to-text conversions leave when the form
/// feed became a space: each page's first line starts with one space right after the previous page's last line.
/// A page-number line (<c>Sida 10 (14)</c>) removes the header block around it — also in the middle of a
/// sentence — and fixes the page number; lines repeated at the edges of most pages are removed too.
/// </summary>
internal static partial class PageSegmenter
{
    private sealed class Line(string text, bool pageStart)
    {
        public string Text { get; set; } = text;
        public bool PageStart { get; set; } = pageStart;
        public int? Number { get; set; }
        public bool Removed { get; set; }
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    public static PagedText Segment(IReadOnlyList<ExtractedPage> pages)
    {
        var lines = new List<Line>();
        bool pagesKnown = false;
        foreach (ExtractedPage page in pages)
        {
            string text = Normalize(page.Text);
            string[] formFed = text.Split('\f');
            pagesKnown |= page.Number is not null || formFed.Length > 1;
            for (int f = 0; f < formFed.Length; f++)
            {
                int first = lines.Count;
                lines.AddRange(formFed[f].Split('\n').Select(t => new Line(t, pageStart: false)));
                if (first < lines.Count)
                {
                    lines[first].PageStart = true;
                    lines[first].Number = page.Number is { } n ? n + f : null;
                }
            }
        }
        if (!pagesKnown)
            pagesKnown = MarkSpaceFedPages(lines);
        var furniture = new List<string>();
        RemoveNumberedHeaders(lines, furniture);
        RemoveRepeatedEdges(lines, furniture);
        return new PagedText(Number(lines, pagesKnown), furniture);
    }

    private static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '\r':
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                        continue;
                    sb.Append('\n');
                    break;
                case '\t' or '\u00A0' or '\u2007' or '\u202F':
                    sb.Append(' ');
                    break;
                case '\uFEFF' or '\u200B' or '\u200C' or '\u200D' or '\u00AD' or '\0':
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Detects pages whose first line starts with a single space directly after a non-blank line.</summary>
    private static bool MarkSpaceFedPages(List<Line> lines)
    {
        static bool HasMark(string t) => t.Length > 1 && t[0] == ' ' && t[1] != ' ';
        int firstText = lines.FindIndex(l => l.Text.Trim().Length > 0);
        if (firstText < 0 || !HasMark(lines[firstText].Text))
            return false;
        for (int i = firstText; i < lines.Count; i++)
        {
            if (HasMark(lines[i].Text) && (i == firstText || lines[i - 1].Text.Trim().Length > 0))
            {
                lines[i].PageStart = true;
                lines[i].Text = lines[i].Text[1..];
            }
        }
        return true;
    }

    private static void RemoveNumberedHeaders(List<Line> lines, List<string> furniture)
    {
        for (int a = 0; a < lines.Count; a++)
        {
            Match match = PageFurniture.PageNumberLine().Match(lines[a].Text.Trim());
            if (!match.Success || lines[a].Removed)
                continue;
            int start = Expand(lines, a, -1);
            int end = Expand(lines, a, +1);
            for (int i = start; i <= end; i++)
            {
                if (lines[i].Text.Trim().Length > 0)
                    furniture.Add(lines[i].Text.Trim());
                lines[i].Removed = true;
            }
            // The header starts page N: either the page that just began, or a new one at the header.
            int pageStart = start;
            while (pageStart > 0 && !lines[pageStart].PageStart && lines[pageStart - 1].Text.Trim().Length == 0)
                pageStart--;
            Line target = lines[pageStart].PageStart ? lines[pageStart] : lines[Math.Min(end + 1, lines.Count - 1)];
            target.PageStart = true;
            target.Number = int.Parse(match.Groups["page"].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
            a = end;
        }
    }

    /// <summary>The furthest line in <paramref name="direction"/> that still belongs to the header block around <paramref name="anchor"/>.</summary>
    private static int Expand(List<Line> lines, int anchor, int direction)
    {
        int edge = anchor;
        for (int i = anchor + direction; i >= 0 && i < lines.Count; i += direction)
        {
            string t = lines[i].Text.Trim();
            if (t.Length == 0)
                continue;
            bool belongs = PageFurniture.IsFurniture(t)
                || (PageFurniture.IsShortLabel(t) && NextText(lines, i, direction) is { } next && PageFurniture.IsFurniture(next));
            if (!belongs)
                break;
            edge = i;
        }
        return edge;
    }

    private static string? NextText(List<Line> lines, int from, int direction)
    {
        for (int i = from + direction; i >= 0 && i < lines.Count; i += direction)
        {
            string t = lines[i].Text.Trim();
            if (t.Length > 0)
                return t;
        }
        return null;
    }

    /// <summary>
    /// Lines (digits ignored) found among the first or last three lines of at least half the pages, and of three or more;
    /// a full sentence is body text even when it repeats.
    /// </summary>
    private static void RemoveRepeatedEdges(List<Line> lines, List<string> furniture)
    {
        var pages = new List<List<int>>();
        for (int i = 0; i < lines.Count; i++)
        {
            if (lines[i].PageStart || pages.Count == 0)
                pages.Add([]);
            // Lines already removed with a header block still count, so a footer repeated on every page is seen as such.
            if (lines[i].Text.Trim().Length > 0)
                pages[^1].Add(i);
        }
        if (pages.Count < 3)
            return;
        var edgeCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var edges = pages.Select(p => p.Take(3).Concat(p.TakeLast(3)).Distinct().ToList()).ToList();
        foreach (List<int> edge in edges)
        {
            foreach (string key in edge.Select(i => EdgeKey(lines[i].Text)).Distinct())
                edgeCounts[key] = edgeCounts.GetValueOrDefault(key) + 1;
        }
        int needed = Math.Max(3, (pages.Count + 1) / 2);
        foreach (int i in edges.SelectMany(e => e))
        {
            string t = lines[i].Text.Trim();
            bool sentence = TextShape.EndsSentence(t) && TextShape.WordCount(t) > 5;
            if (!lines[i].Removed && edgeCounts[EdgeKey(t)] >= needed && t.Length <= 100 && !sentence)
            {
                furniture.Add(lines[i].Text.Trim());
                lines[i].Removed = true;
            }
        }
    }

    private static string EdgeKey(string text) => Digits().Replace(text.Trim(), "#");

    /// <summary>Numbers the pages: explicit numbers win; others count on from the previous page.</summary>
    private static List<PageLine> Number(List<Line> lines, bool pagesKnown)
    {
        var starts = new List<int>();
        for (int i = 0; i < lines.Count; i++)
        {
            if (lines[i].PageStart || i == 0)
                starts.Add(i);
        }
        bool anyExplicit = starts.Any(s => lines[s].Number is not null);
        var numbers = new int?[starts.Count];
        if (pagesKnown || anyExplicit)
        {
            int firstExplicit = starts.FindIndex(s => lines[s].Number is not null);
            for (int k = 0; k < starts.Count; k++)
            {
                int? counted = k == 0 ? 1 : numbers[k - 1] + 1;
                numbers[k] = lines[starts[k]].Number ?? counted;
            }
            if (firstExplicit > 0)
            {
                // Before the first explicit number, count backwards from it but never below 1.
                int anchor = numbers[firstExplicit]!.Value;
                for (int k = firstExplicit - 1; k >= 0; k--)
                    numbers[k] = pagesKnown ? Math.Clamp(numbers[k]!.Value, 1, Math.Max(1, anchor - 1)) : Math.Max(1, anchor - (firstExplicit - k));
            }
        }
        var result = new List<PageLine>(lines.Count);
        int page = -1;
        for (int i = 0; i < lines.Count; i++)
        {
            if (page + 1 < starts.Count && starts[page + 1] == i)
                page++;
            if (!lines[i].Removed)
                result.Add(new PageLine(lines[i].Text, numbers[page]));
            else if (i + 1 < lines.Count && !lines[i + 1].Removed && lines[i + 1].Text.Trim().Length > 0)
                result.Add(new PageLine("", numbers[page])); // a removed block still separates like a blank line
        }
        return result;
    }
}
