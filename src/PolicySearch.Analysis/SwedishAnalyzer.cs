namespace PolicySearch.Analysis;

/// <summary>
/// The Swedish analysis chain used for both indexing and queries.
/// PLACEHOLDER: splits on letters/digits and lower-cases; replaced by the real chain
/// (tokenizer, stop words, Snowball stemmer, decompounder, folding, acronyms).
/// </summary>
public sealed class SwedishAnalyzer
{
    /// <summary>Analyses <paramref name="text"/> into a token stream.</summary>
    public IReadOnlyList<Token> Analyze(string text, AnalysisTarget target = AnalysisTarget.Index)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>();
        int position = 0;
        for (int i = 0; i < text.Length;)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            int start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i])) i++;
            tokens.Add(new Token(text[start..i].ToLowerInvariant(), start, i, position++, TokenKind.Word));
        }
        return tokens;
    }
}
