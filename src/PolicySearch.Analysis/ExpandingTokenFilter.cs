namespace PolicySearch.Analysis;

/// <summary>
/// Base for filters that add tokens after a word (parts, expansions, folded forms). Added tokens get
/// position increment 0 and, unless told otherwise, the offsets of the word they came from, so
/// highlighting and citations stay exact. Pending terms share one buffer: nothing is allocated per token.
/// </summary>
internal abstract class ExpandingTokenFilter(TokenStream input) : TokenFilter(input)
{
    private readonly List<Pending> _pending = [];
    private char[] _chars = new char[256];
    private int _charCount;
    private int _next;

    public sealed override bool IncrementToken()
    {
        if (_next < _pending.Count)
        {
            Pending pending = _pending[_next++];
            Attributes.SetTerm(_chars.AsSpan(pending.TermStart, pending.TermLength));
            Attributes.Start = pending.Start;
            Attributes.End = pending.End;
            Attributes.Kind = pending.Kind;
            Attributes.IsKeyword = pending.IsKeyword;
            Attributes.IsUpperCase = false;
            Attributes.IsSuspended = false;
            Attributes.PositionIncrement = 0;
            return true;
        }
        ClearPending();
        if (!Input.IncrementToken())
        {
            return false;
        }
        Expand();
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        ClearPending();
    }

    /// <summary>Looks at the current token (it may change it) and adds tokens to follow it.</summary>
    protected abstract void Expand();

    /// <summary>Queues a token to follow the current one at the same position.</summary>
    protected void Add(ReadOnlySpan<char> term, TokenKind kind, bool isKeyword) =>
        Add(term, kind, isKeyword, Attributes.Start, Attributes.End);

    protected void Add(ReadOnlySpan<char> term, TokenKind kind, bool isKeyword, int start, int end)
    {
        if (_charCount + term.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _charCount + term.Length));
        }
        term.CopyTo(_chars.AsSpan(_charCount));
        _pending.Add(new Pending(_charCount, term.Length, start, end, kind, isKeyword));
        _charCount += term.Length;
    }

    /// <summary>True when <paramref name="term"/> is already queued for the current word.</summary>
    protected bool IsPending(ReadOnlySpan<char> term)
    {
        foreach (Pending pending in _pending)
        {
            if (_chars.AsSpan(pending.TermStart, pending.TermLength).SequenceEqual(term))
            {
                return true;
            }
        }
        return false;
    }

    private void ClearPending()
    {
        _pending.Clear();
        _charCount = 0;
        _next = 0;
    }

    private readonly record struct Pending(int TermStart, int TermLength, int Start, int End, TokenKind Kind, bool IsKeyword);
}
