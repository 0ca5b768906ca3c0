using System.Text;

namespace PolicySearch.Ingestion.Readers;

/// <summary>
/// Writes document structure as the markdown-ish lines <see cref="ExtractedText"/> promises: <c>#</c> headings,
/// <c>- </c> list items (two spaces of indent per nesting level), table rows as cells joined by <c> | </c>, and
/// paragraphs separated by a blank line. Whitespace inside a line is collapsed as a browser would.
/// Refuses to grow past the character limit so a hostile file cannot exhaust memory.
/// </summary>
internal sealed class StructuredTextWriter(string name, int maxCharacters)
{
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _line = new();
    private string _prefix = "";
    private string _continuation = "";
    private bool _pendingSpace;

    /// <summary>Appends running text to the current line.</summary>
    public void Inline(string text)
    {
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                _pendingSpace = true;
                continue;
            }
            if (_pendingSpace && _line.Length > 0)
                _line.Append(' ');
            _pendingSpace = false;
            _line.Append(c);
        }
        CheckLimit(_line.Length);
    }

    /// <summary>Ends the current line (if it has text); the next line of the same list item is indented under it.</summary>
    public void EndLine()
    {
        _pendingSpace = false;
        if (_line.Length == 0)
            return;
        Append(_prefix);
        Append(_line);
        Append("\n");
        _line.Clear();
        _prefix = _continuation;
    }

    /// <summary>Ends the current paragraph: the next text starts after a blank line.</summary>
    public void EndParagraph()
    {
        EndLine();
        if (_text.Length > 0 && !EndsWithBlankLine())
            Append("\n");
    }

    /// <summary>Ends a block element: a paragraph at top level, a line inside a list item.</summary>
    public void EndBlock(int listDepth)
    {
        if (listDepth > 0)
            EndLine();
        else
            EndParagraph();
    }

    /// <summary>Writes a heading of <paramref name="level"/> (1 = <c>#</c>) as its own paragraph.</summary>
    public void Heading(int level, string text)
    {
        EndParagraph();
        string savedPrefix = _prefix;
        _prefix = new string('#', Math.Clamp(level, 1, 6)) + " ";
        Inline(text);
        EndLine();
        _prefix = savedPrefix;
        EndParagraph();
    }

    /// <summary>Starts a list item at nesting <paramref name="depth"/> (0 = top level).</summary>
    public void StartListItem(int depth)
    {
        EndLine();
        _prefix = Indent(depth) + "- ";
        _continuation = Indent(depth + 1);
    }

    /// <summary>Ends a list at nesting <paramref name="depth"/>; a top-level list ends its paragraph.</summary>
    public void EndList(int depth)
    {
        EndLine();
        _prefix = _continuation = Indent(depth);
        if (depth == 0)
            EndParagraph();
    }

    /// <summary>Writes one table row; rows of one table follow each other without blank lines.</summary>
    public void TableRow(IEnumerable<string> cells)
    {
        EndLine();
        var row = new StringBuilder();
        foreach (string cell in cells)
        {
            if (row.Length > 0)
                row.Append(" | ");
            Inline(cell);
            row.Append(_line);
            _line.Clear();
            _pendingSpace = false;
        }
        if (row.Length > 0)
        {
            Append(row);
            Append("\n");
        }
    }

    /// <summary>Writes preformatted text with its own line breaks, as a paragraph.</summary>
    public void Preformatted(string text)
    {
        EndParagraph();
        Append(text.Trim('\n', '\r'));
        EndParagraph();
    }

    /// <summary>The text written so far, without trailing blank lines.</summary>
    public override string ToString()
    {
        EndLine();
        return _text.ToString().TrimEnd('\n');
    }

    private static string Indent(int depth) => new(' ', 2 * depth);

    private bool EndsWithBlankLine() => _text.Length >= 2 && _text[^1] == '\n' && _text[^2] == '\n';

    private void Append(string text)
    {
        _text.Append(text);
        CheckLimit(0);
    }

    private void Append(StringBuilder text)
    {
        _text.Append(text);
        CheckLimit(0);
    }

    private void CheckLimit(int pending)
    {
        if (_text.Length + pending > maxCharacters)
            throw ReaderMessages.TooMuchText(name, maxCharacters);
    }
}
