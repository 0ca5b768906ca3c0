namespace PolicySearch.Analysis;

/// <summary>
/// Snowball strips the <c>s</c> of a singular (<c>insats</c> → <c>insat</c>) but not of its plural (<c>insatser</c> →
/// <c>insats</c>), so the two never meet. When a stem ends in an <c>s</c> the stemmer would strip, this filter
/// follows it with the stripped form (<see cref="TokenKind.StemVariant"/>): <c>insatser</c> gives <c>insats</c>
/// and <c>insat</c>. Only that rule is applied again, never the whole stemmer (<c>kamer</c> must not become <c>kam</c>).
/// Runs right after <see cref="SwedishStemFilter"/>; keywords were not stemmed and are left alone.
/// </summary>
internal sealed class SingularStemFilter(TokenStream input) : ExpandingTokenFilter(input)
{
    private char[] _buffer = new char[64];

    protected override void Expand()
    {
        ReadOnlySpan<char> stem = Attributes.Term;
        if (Attributes.IsKeyword || stem.Length < 2 || stem[^1] != 's')
        {
            return;
        }
        if (stem.Length > _buffer.Length)
        {
            _buffer = new char[stem.Length * 2];
        }
        Span<char> again = _buffer.AsSpan(0, stem.Length);
        stem.CopyTo(again);
        int length = SwedishStemmer.Stem(again);
        if (length == stem.Length - 1)
        {
            Add(again[..length], TokenKind.StemVariant, isKeyword: true);
        }
    }
}
