using System.Text.RegularExpressions;

namespace PolicySearch.Ingestion;

/// <summary>
/// Rebuilds the document's real structure from its lines: paragraphs from lines broken by the layout (also when
/// every line is followed by a blank line and paragraph breaks are lines holding only spaces), list items from
/// bullets (U+F0B7, •, o, -, numbers, or a bullet lost to a leading space), markdown headings, and headings
/// recognised by their shape in plain text. Sentences broken across a page or a stray blank line are joined.
/// </summary>
internal static partial class ParagraphBuilder
{
    [GeneratedRegex(@"^(?<hashes>#{1,6})\s+(?<text>.*?)\s*#*\s*$")]
    private static partial Regex MarkdownHeading();

    [GeneratedRegex(@"^\s*(?:(?<bullet>[\uF0B7\uF0A7\uF076\uF0D8•●▪■◦‣∙·])\s*|(?<bullet>[*\-–o])\s+)(?<text>\S.*)$")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^\s*(?<number>\d{1,2}[.)])\s+(?<text>\S.*)$")]
    private static partial Regex Numbered();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();

    private readonly record struct LogicalLine(string Raw, int? Page, bool BreakBefore);

    public static List<Block> Build(IReadOnlyList<PageLine> lines)
    {
        var shape = LayoutShape.Measure(lines);
        List<LogicalLine> logical = ToLogicalLines(lines, shape);
        List<Block> blocks = JoinBrokenSentences(ToBlocks(logical, shape));
        bool markdown = blocks.Any(b => b.Kind == BlockKind.Heading);
        BlockClassifier.Classify(blocks, detectHeadings: !markdown);
        return blocks;
    }

    private static List<LogicalLine> ToLogicalLines(IReadOnlyList<PageLine> lines, LayoutShape shape)
    {
        var logical = new List<LogicalLine>();
        bool pendingBreak = true;
        foreach (PageLine line in lines)
        {
            if (line.Text.Trim().Length == 0)
            {
                // Double-spaced layout: empty lines only separate lines; lines of spaces separate paragraphs.
                if (!(shape.DoubleSpaced && line.Text.Length == 0))
                    pendingBreak = true;
                continue;
            }
            logical.Add(new LogicalLine(line.Text, line.Page, pendingBreak));
            pendingBreak = false;
        }
        return logical;
    }

    private static List<Block> ToBlocks(List<LogicalLine> logical, LayoutShape shape)
    {
        var blocks = new List<Block>();
        Block? current = null;
        string previousRaw = "";
        foreach (LogicalLine line in logical)
        {
            string raw = line.Raw;
            if (raw.StartsWith('#') && MarkdownHeading().Match(raw) is { Success: true } heading)
            {
                string text = InlineMarkup.Strip(heading.Groups["text"].Value, out _).Trim();
                current = null;
                if (text.Length > 0)
                    blocks.Add(new Block(BlockKind.Heading, text, line.Page) { Level = heading.Groups["hashes"].Length });
                previousRaw = raw;
                continue;
            }
            if (ListItemStart(raw) is { } item)
            {
                string text = Spaces().Replace(InlineMarkup.Strip(item.Text, out string? itemLead), " ");
                current = new Block(BlockKind.ListItem, text.Trim(), line.Page) { Level = item.Level, LeadIn = itemLead };
                blocks.Add(current);
                previousRaw = raw;
                continue;
            }
            string unmarked = InlineMarkup.Strip(raw.Trim(), out string? lead);
            string clean = unmarked.Contains("  ", StringComparison.Ordinal) ? Spaces().Replace(unmarked, " ") : unmarked;
            if (current is not null && !line.BreakBefore && !shape.EndsParagraph(previousRaw, raw, current.LineCount == 1))
            {
                current.Append(clean, line.Page, hyphenKeepsSpace: previousRaw.EndsWith("- ", StringComparison.Ordinal));
            }
            else
            {
                current = new Block(BlockKind.Paragraph, clean, line.Page) { LeadIn = lead, RawText = unmarked };
                blocks.Add(current);
            }
            previousRaw = raw;
        }
        return blocks;
    }

    private static (string Text, int Level)? ListItemStart(string raw)
    {
        // Most lines are running text: only a mark, a digit or an indent can open a list item.
        char first = raw.Length > 0 ? raw.TrimStart()[0] : ' ';
        if (char.IsLetter(first) && first != 'o' && raw[0] != ' ')
            return null;
        if (Bullet().Match(raw) is { Success: true } bullet)
        {
            char mark = bullet.Groups["bullet"].Value[0];
            // "o" and "◦" are the sub-bullets of Word documents; an indented "-" is nested too.
            int level = mark is 'o' or '◦' || (mark == '-' && raw.StartsWith("  ", StringComparison.Ordinal)) ? 2 : 1;
            return (bullet.Groups["text"].Value, level);
        }
        if (Numbered().Match(raw) is { Success: true } numbered)
            return (numbered.Groups["number"].Value + " " + numbered.Groups["text"].Value, 1);
        // A bullet glyph lost in extraction leaves the item's first line indented by a space.
        if (raw.Length > 1 && raw[0] == ' ' && !char.IsWhiteSpace(raw[1]) && char.IsUpper(raw[1]))
            return (raw.Trim(), 1);
        return null;
    }

    /// <summary>A paragraph or list item cut by a page break or stray blank line continues in a block starting in lower case.</summary>
    private static List<Block> JoinBrokenSentences(List<Block> blocks)
    {
        var joined = new List<Block>(blocks.Count);
        foreach (Block b in blocks)
        {
            if (joined.Count > 0 && joined[^1] is { Kind: BlockKind.Paragraph or BlockKind.ListItem } a && b.Kind == BlockKind.Paragraph
                && !a.EndsSentence && TextShape.StartsLowercase(b.Text))
                a.Append(b);
            else
                joined.Add(b);
        }
        return joined;
    }
}
