using System.Collections.Concurrent;

namespace PolicySearch.Analysis;

/// <summary>
/// The Swedish analysis chain used for both indexing and queries:
/// tokenizer → hyphenated parts → acronym marking → lower case → stop words → Snowball stemmer.
/// </summary>
/// <remarks>
/// Safe for concurrent use: each call borrows a chain (tokenizer + filters) that no other thread is using.
/// Reading the result: tokens with <see cref="Token.Kind"/> <see cref="TokenKind.Word"/>, <see cref="TokenKind.Number"/>
/// or <see cref="TokenKind.Identifier"/> are the primary stream, one per position, in text order; every other kind
/// is an alternative form of the primary token at the same <see cref="Token.Position"/> (same offsets unless an
/// acronym stands for a phrase). A query matches a position when any of its forms matches.
/// </remarks>
public sealed class SwedishAnalyzer
{
    private readonly ConcurrentBag<AnalysisChain> _chains = [];

    /// <summary>Analyses <paramref name="text"/> into a token stream.</summary>
    public IReadOnlyList<Token> Analyze(string text, AnalysisTarget target = AnalysisTarget.Index)
    {
        ArgumentNullException.ThrowIfNull(text);
        AnalysisChain chain = _chains.TryTake(out AnalysisChain? pooled) ? pooled : CreateChain();
        try
        {
            return chain.Analyze(text);
        }
        finally
        {
            _chains.Add(chain);
        }
    }

    private static AnalysisChain CreateChain()
    {
        var tokenizer = new SwedishTokenizer(new TokenAttributes());
        TokenStream stream = new HyphenatedWordFilter(tokenizer);
        stream = new UpperCaseFilter(stream);
        stream = new LowerCaseFilter(stream);
        stream = new StopFilter(stream);
        stream = new SwedishStemFilter(stream);
        return new AnalysisChain(tokenizer, stream);
    }
}
