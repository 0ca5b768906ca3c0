using System.Text;

namespace PolicySearch.Ingestion;

/// <summary>What a <see cref="Block"/> is in the document's structure.</summary>
internal enum BlockKind
{
    Heading,
    Paragraph,
    ListItem,
    /// <summary>Names and roles of signatories, "På kommunstyrelsens vägnar:".</summary>
    Signature,
}

/// <summary>
/// A rebuilt paragraph, heading or list item. <see cref="Text"/> is clean (no line breaks, no markup);
/// <see cref="LeadIn"/> is an emphasised opening phrase (<c>*Bromma stadsdelsnämnd* anser …</c>), which names a speaker.
/// </summary>
internal sealed class Block(BlockKind kind, string text, int? page)
{
    private readonly List<(int Offset, int? Page)> _pages = [(0, page)];
    private readonly StringBuilder _text = new(text);
    private string? _cached = text;

    public BlockKind Kind { get; set; } = kind;
    public string Text => _cached ??= _text.ToString();

    /// <summary>Whether the text ends like a finished sentence, without materialising a growing paragraph.</summary>
    public bool EndsSentence => TextShape.EndsSentence(_text.ToString(Math.Max(0, _text.Length - 8), Math.Min(8, _text.Length)));
    /// <summary>Heading level (1 = top) or list nesting (1 = bullet, 2 = sub-bullet).</summary>
    public int Level { get; init; } = 1;
    public string? LeadIn { get; init; }
    /// <summary>The first source line without markup but with its spacing, which separates columns of names and roles.</summary>
    public string RawText { get; init; } = text;
    /// <summary>Number of source lines the block was built from.</summary>
    public int LineCount { get; private set; } = 1;
    /// <summary>Offsets of this block's text in the document's clean text, set when the clean text is written.</summary>
    public int Start { get; set; }
    public int End { get; set; }

    public int? FirstPage => _pages[0].Page;

    /// <summary>The page the character at <paramref name="offset"/> (relative to <see cref="Text"/>) is on.</summary>
    public int? PageAt(int offset)
    {
        int? page = _pages[0].Page;
        foreach (var (at, p) in _pages)
        {
            if (at > offset)
                break;
            page = p;
        }
        return page;
    }

    /// <summary>Appends a following line or block, joining a hyphenated line break when it is one.</summary>
    public void Append(string next, int? nextPage, bool hyphenKeepsSpace, int lines = 1)
    {
        LineJoiner.Append(_text, next, hyphenKeepsSpace);
        _cached = null;
        int offset = _text.Length - next.Trim().Length;
        if (nextPage != _pages[^1].Page)
            _pages.Add((offset, nextPage));
        LineCount += lines;
    }

    /// <summary>Appends another block, keeping its page changes.</summary>
    public void Append(Block other)
    {
        int before = _text.Length;
        LineJoiner.Append(_text, other.Text, hyphenKeepsSpace: false);
        _cached = null;
        int shift = _text.Length - other.Text.Length;
        foreach (var (at, p) in other._pages)
        {
            if (p != _pages[^1].Page)
                _pages.Add((Math.Max(before, at + shift), p));
        }
        LineCount += other.LineCount;
    }
}
