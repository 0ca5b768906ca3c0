namespace PolicySearch.Analysis;

/// <summary>
/// Follows every term that has diacritics with its folded form (<see cref="TokenKind.Folded"/>), so text typed
/// without å, ä, ö (<c>kameraovervakning</c>, <c>Skarholmen</c>) meets the real words. Runs last, on stems,
/// so the folded stem of the text equals the stem of the query typed without diacritics.
/// </summary>
internal sealed class FoldingFilter(TokenStream input) : ExpandingTokenFilter(input)
{
    private char[] _buffer = new char[64];

    protected override void Expand()
    {
        ReadOnlySpan<char> term = Attributes.Term;
        if (term.Length > _buffer.Length)
        {
            _buffer = new char[term.Length * 2];
        }
        Span<char> folded = _buffer.AsSpan(0, term.Length);
        if (DiacriticFolder.Fold(term, folded) && !IsPending(folded))
        {
            Add(folded, TokenKind.Folded, isKeyword: true);
        }
    }
}
