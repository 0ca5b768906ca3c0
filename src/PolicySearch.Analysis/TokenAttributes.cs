namespace PolicySearch.Analysis;

/// <summary>
/// The current token of a stream, shared by the tokenizer and every filter of one chain (Lucene's
/// attributes in one object). The term lives in a reusable buffer so filters edit it in place.
/// </summary>
internal sealed class TokenAttributes
{
    private char[] _buffer = new char[64];

    /// <summary>Characters of the term; edit in place and call <see cref="SetLength"/> when it shrinks.</summary>
    public Span<char> Term => _buffer.AsSpan(0, Length);

    public int Length { get; private set; }

    /// <summary>Offset of the first character in the original text.</summary>
    public int Start { get; set; }

    /// <summary>Offset just past the last character in the original text.</summary>
    public int End { get; set; }

    /// <summary>1 for a new word, 0 for a form derived from the previous one, more after removed words.</summary>
    public int PositionIncrement { get; set; }

    public TokenKind Kind { get; set; }

    /// <summary>Protected from stop-word removal, decompounding and stemming (identifiers, acronyms, stems already made).</summary>
    public bool IsKeyword { get; set; }

    /// <summary>Written in capitals in the text (an acronym candidate such as <c>SIG</c>).</summary>
    public bool IsUpperCase { get; set; }

    /// <summary>Ends with a suspended hyphen whose completion follows: <c>trygghets- och säkerhetsprogram</c>.</summary>
    public bool IsSuspended { get; set; }

    /// <summary>A copy of the current token, for filters that must look ahead before emitting it.</summary>
    public TokenState Capture() => new(Term.ToString(), Start, End, PositionIncrement, Kind, IsKeyword, IsUpperCase, IsSuspended);

    public void Restore(TokenState state)
    {
        SetTerm(state.Term);
        Start = state.Start;
        End = state.End;
        PositionIncrement = state.PositionIncrement;
        Kind = state.Kind;
        IsKeyword = state.IsKeyword;
        IsUpperCase = state.IsUpperCase;
        IsSuspended = state.IsSuspended;
    }

    public void SetTerm(ReadOnlySpan<char> term)
    {
        Span<char> target = ResizeTerm(term.Length);
        term.CopyTo(target);
    }

    /// <summary>Makes the term <paramref name="length"/> characters long and returns it for writing.</summary>
    public Span<char> ResizeTerm(int length)
    {
        if (length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(length, _buffer.Length * 2));
        }
        Length = length;
        return Term;
    }

    public void SetLength(int length) => Length = length;

    public void Clear()
    {
        Length = 0;
        Start = 0;
        End = 0;
        PositionIncrement = 1;
        Kind = TokenKind.Word;
        IsKeyword = false;
        IsUpperCase = false;
        IsSuspended = false;
    }
}

/// <summary>A captured token (see <see cref="TokenAttributes.Capture"/>).</summary>
internal readonly record struct TokenState(
    string Term, int Start, int End, int PositionIncrement, TokenKind Kind, bool IsKeyword, bool IsUpperCase, bool IsSuspended);
