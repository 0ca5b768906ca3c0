namespace PolicySearch.Analysis;

/// <summary>
/// Removes Snowball's Swedish stop words. Keywords survive (an acronym <c>SIG</c> is not the pronoun
/// <c>sig</c>); a removed word leaves a position gap so phrase distances stay true to the text.
/// Expects lower-cased terms.
/// </summary>
internal sealed class StopFilter(TokenStream input) : TokenFilter(input)
{
    private static readonly HashSet<string> StopWords = LoadStopWords();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    public override bool IncrementToken()
    {
        int skippedPositions = 0;
        while (Input.IncrementToken())
        {
            if (Attributes.IsKeyword || !IsStopWord(Attributes.Term))
            {
                Attributes.PositionIncrement += skippedPositions;
                return true;
            }
            skippedPositions += Attributes.PositionIncrement;
        }
        return false;
    }

    internal static bool IsStopWord(ReadOnlySpan<char> term) => Lookup.Contains(term);

    private static HashSet<string> LoadStopWords()
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (string line in AnalysisResources.ReadLines("stopwords.txt"))
        {
            words.Add(line);
        }
        return words;
    }
}
