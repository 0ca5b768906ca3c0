namespace PolicySearch.Analysis;

/// <summary>
/// Marks short words written in capitals (<c>SIG</c>, <c>LUP</c>, <c>KS</c>) as acronyms: they are kept as
/// keywords, so <c>SIG</c> is not taken for the stop word <c>sig</c> and is not stemmed.
/// Must run before lower-casing.
/// </summary>
internal sealed class UpperCaseFilter(TokenStream input) : TokenFilter(input)
{
    /// <summary>Longer capitalised words are headings in capitals, not acronyms.</summary>
    internal const int MaxAcronymLength = 6;

    public override bool IncrementToken()
    {
        if (!Input.IncrementToken())
        {
            return false;
        }
        if (Attributes.Kind is TokenKind.Word or TokenKind.CompoundPart && IsAcronym(Attributes.Term))
        {
            Attributes.IsUpperCase = true;
            Attributes.IsKeyword = true;
        }
        return true;
    }

    internal static bool IsAcronym(ReadOnlySpan<char> term)
    {
        if (term.Length < 2 || term.Length > MaxAcronymLength)
        {
            return false;
        }
        foreach (char c in term)
        {
            if (!char.IsUpper(c))
            {
                return false;
            }
        }
        return true;
    }
}
