using PolicySearch.Ingestion.Readers;
using System.Text;

namespace PolicySearch.Ingestion;

/// <summary>The cleaned document: its text, the blocks it is made of (with offsets into the text) and the header/footer lines removed.</summary>
internal sealed record CleanDocument(string Text, IReadOnlyList<Block> Blocks, IReadOnlyList<string> Furniture);

/// <summary>
/// Clean-up of extracted text: pages and their headers/footers, then paragraphs, headings and list items, then the
/// clean text itself — blocks separated by a blank line, list items written as <c>- item</c>.
/// </summary>
internal static class TextCleaner
{
    public static CleanDocument Clean(IReadOnlyList<ExtractedPage> pages, IReadOnlyList<string>? furniture = null)
    {
        PagedText paged = PageSegmenter.Segment(pages);
        List<Block> blocks = ParagraphBuilder.Build(paged.Lines);
        var text = new StringBuilder();
        foreach (Block block in blocks)
        {
            if (text.Length > 0)
                text.Append("\n\n");
            block.Start = text.Length;
            if (block.Kind == BlockKind.ListItem)
                text.Append("- ");
            text.Append(block.Text);
            block.End = text.Length;
        }
        return new CleanDocument(text.ToString(), blocks, furniture is { Count: > 0 } ? [.. furniture, .. paged.Furniture] : paged.Furniture);
    }
}
