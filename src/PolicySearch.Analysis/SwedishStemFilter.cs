namespace PolicySearch.Analysis;

/// <summary>Stems words with <see cref="SwedishStemmer"/>; keywords are left alone. Expects lower-cased terms.</summary>
internal sealed class SwedishStemFilter(TokenStream input) : TokenFilter(input)
{
    public override bool IncrementToken()
    {
        if (!Input.IncrementToken())
        {
            return false;
        }
        if (!Attributes.IsKeyword)
        {
            Attributes.SetLength(SwedishStemmer.Stem(Attributes.Term));
        }
        return true;
    }
}
