using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace PolicySearch.Ingestion.Readers;

/// <summary>
/// Reads the main content of an HTML page: <c>main</c> or <c>article</c> when present, else the body without its
/// page-level header and footer; navigation, scripts, styles and forms are dropped. Headings, lists and tables are
/// kept as structure in <see cref="StructuredTextWriter"/>'s markdown-ish lines.
/// </summary>
internal static class HtmlReader
{
    // Real pages nest a few dozen levels; deeper trees are read as plain text rather than recursed into.
    private const int MaxNesting = 200;

    private const string Dropped = "script, style, noscript, template, nav, aside, form, button, svg, iframe, object, canvas";

    public static async Task<string> ReadAsync(string name, string html, int maxCharacters, CancellationToken cancellationToken)
    {
        IHtmlDocument document = await new HtmlParser().ParseDocumentAsync(html, cancellationToken);
        IElement root = document.QuerySelector("main, [role=main]") ?? document.QuerySelector("article")
            ?? (IElement?)document.Body ?? document.DocumentElement;

        foreach (IElement element in root.QuerySelectorAll(Dropped).ToList())
            element.Remove();
        if (root == document.Body)
        {
            foreach (IElement element in root.QuerySelectorAll("header, footer").Where(IsPageLevel).ToList())
                element.Remove();
        }

        var writer = new StructuredTextWriter(name, maxCharacters);
        if (root.QuerySelector("h1") is null && !string.IsNullOrWhiteSpace(document.Title))
            writer.Heading(1, document.Title);
        Write(root, writer, listDepth: 0);
        return writer.ToString();
    }

    // A header or footer inside an article or section belongs to that content (it often holds the title).
    private static bool IsPageLevel(IElement element) => element.Closest("article, section") is null;

    private static void Write(INode node, StructuredTextWriter writer, int listDepth, int depth = 0)
    {
        if (depth > MaxNesting)
        {
            writer.Inline(node.TextContent);
            return;
        }
        foreach (INode child in node.ChildNodes)
        {
            if (child is IText text)
            {
                writer.Inline(text.Data);
                continue;
            }
            if (child is not IElement element)
                continue;
            switch (element.LocalName)
            {
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                    writer.Heading(element.LocalName[1] - '0', element.TextContent);
                    break;
                case "ul" or "ol":
                    writer.EndBlock(listDepth);
                    foreach (IElement item in element.Children.Where(c => c.LocalName == "li"))
                    {
                        writer.StartListItem(listDepth);
                        Write(item, writer, listDepth + 1, depth + 1);
                        writer.EndLine();
                    }
                    writer.EndList(listDepth);
                    break;
                case "table":
                    writer.EndBlock(listDepth);
                    foreach (IHtmlTableRowElement row in ((IHtmlTableElement)element).Rows)
                        writer.TableRow(row.Cells.Select(cell => cell.TextContent));
                    writer.EndBlock(listDepth);
                    break;
                case "br":
                    writer.EndLine();
                    break;
                case "pre":
                    writer.EndParagraph();
                    writer.Preformatted(element.TextContent);
                    break;
                case "p" or "div" or "section" or "article" or "main" or "header" or "footer" or "blockquote"
                    or "address" or "figure" or "figcaption" or "dl" or "dt" or "dd" or "hr" or "li" or "caption" or "details" or "summary":
                    writer.EndBlock(listDepth);
                    Write(element, writer, listDepth, depth + 1);
                    writer.EndBlock(listDepth);
                    break;
                default:
                    Write(element, writer, listDepth, depth + 1);
                    break;
            }
        }
    }
}
