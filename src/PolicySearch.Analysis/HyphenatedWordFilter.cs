namespace PolicySearch.Analysis;

/// <summary>
/// Follows a hyphenated token (<c>Hägersten-Älvsjö</c>, <c>Panther-modellen</c>) with each of its parts as
/// <see cref="TokenKind.CompoundPart"/>, so a search for <c>Älvsjö</c> finds the whole name.
/// Pure numbers such as <c>18-29</c> are not split.
/// </summary>
internal sealed class HyphenatedWordFilter(TokenStream input) : ExpandingTokenFilter(input)
{
    protected override void Expand()
    {
        ReadOnlySpan<char> term = Attributes.Term;
        if (Attributes.Kind == TokenKind.Number || term.IndexOf('-') < 0)
        {
            return;
        }
        foreach (Range range in term.Split('-'))
        {
            ReadOnlySpan<char> part = term[range];
            if (!part.IsEmpty)
            {
                Add(part, TokenKind.CompoundPart, isKeyword: part.ContainsAnyInRange('0', '9'));
            }
        }
    }
}
