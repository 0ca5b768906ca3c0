namespace PolicySearch.Analysis;

/// <summary>Lower-cases the term in place (culture-invariant, so <c>I</c> is always <c>i</c>).</summary>
internal sealed class LowerCaseFilter(TokenStream input) : TokenFilter(input)
{
    public override bool IncrementToken()
    {
        if (!Input.IncrementToken())
        {
            return false;
        }
        LowerCase(Attributes.Term);
        return true;
    }

    internal static void LowerCase(Span<char> term)
    {
        for (int i = 0; i < term.Length; i++)
        {
            char c = term[i];
            // Latin-1 by table, as ToLowerInvariant maps it: Swedish å, ä, ö would otherwise each cost an ICU call.
            term[i] = c switch
            {
                >= 'A' and <= 'Z' => (char)(c + 32),
                < '\u00C0' => c,
                <= '\u00DE' and not '\u00D7' => (char)(c + 32),
                <= '\u00FF' => c,
                _ => char.ToLowerInvariant(c),
            };
        }
    }
}
