namespace PolicySearch.Ingestion.Readers;

/// <summary>The file format a reader recognised, decided by the file's extension.</summary>
public enum SourceFormat
{
    /// <summary><c>.txt</c>: plain text, as written.</summary>
    Text,
    /// <summary><c>.md</c>: markdown, as written.</summary>
    Markdown,
    /// <summary><c>.html</c>/<c>.htm</c>: main content written as markdown-ish lines.</summary>
    Html,
    /// <summary><c>.docx</c>: body written as markdown-ish lines.</summary>
    Docx,
    /// <summary><c>.pdf</c>: one page per PDF page, as laid out by <c>pdftotext -layout</c>.</summary>
    Pdf,
}

/// <summary>
/// One page of extracted text. <see cref="Number"/> is the 1-based page number when the format knows pages (PDF),
/// otherwise null.
/// </summary>
public sealed record ExtractedPage(int? Number, string Text);

/// <summary>
/// The text of a document as its reader found it, before any clean-up.
/// Structured formats (html, docx) write headings as <c>#</c>/<c>##</c> lines, list items as <c>- </c> lines,
/// table rows as cells joined by <c> | </c>, and separate paragraphs by a blank line.
/// Plain text and markdown come as one page of unknown number, exactly as written.
/// </summary>
public sealed record ExtractedText(SourceFormat Format, IReadOnlyList<ExtractedPage> Pages)
{
    /// <summary>
    /// Header lines the format keeps apart from the body (a Word document's page header: förvaltning, document type,
    /// Dnr). Not passage text; metadata is read from them as from a PDF's page headers.
    /// </summary>
    public IReadOnlyList<string> Furniture { get; init; } = [];

    /// <summary>All pages' text joined by a form feed (<c>\f</c>), the page separator pdftotext uses.</summary>
    public string FullText => Pages.Count == 1 ? Pages[0].Text : string.Join('\f', Pages.Select(page => page.Text));

    /// <summary>Total number of characters over all pages.</summary>
    public long Length => Pages.Sum(page => (long)page.Text.Length);
}
