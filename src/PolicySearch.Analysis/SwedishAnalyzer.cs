using System.Collections.Concurrent;

namespace PolicySearch.Analysis;

/// <summary>
/// The Swedish analysis chain used for both indexing and queries: tokenizer → hyphenated parts → acronym
/// marking → lower case → suspended hyphens → stop words → decompounding → Snowball stemmer → singular stems
/// → acronym pairs → folded forms.
/// </summary>
/// <remarks>
/// <para>Safe for concurrent use: each call borrows a chain (tokenizer + filters) no other thread is using.</para>
/// <para>Reading the result: <see cref="TokenKind.Word"/>, <see cref="TokenKind.Number"/> and
/// <see cref="TokenKind.Identifier"/> tokens are the primary stream, one per <see cref="Token.Position"/>, in
/// text order; use them for phrases and proximity. Removed stop words leave position gaps. Every other kind
/// (<see cref="TokenKind.CompoundPart"/>, <see cref="TokenKind.Folded"/>, <see cref="TokenKind.AcronymExpansion"/>,
/// <see cref="TokenKind.StemVariant"/>)
/// is an alternative form of the primary token at the same position, with its offsets (an acronym found for
/// a written-out phrase spans the phrase). Index every token. For a query, a position matches when any
/// of its forms matches: OR the forms of one position, AND (or rank by) the positions.</para>
/// </remarks>
public sealed class SwedishAnalyzer
{
    private readonly ConcurrentBag<AnalysisChain> _indexChains = [];
    private readonly ConcurrentBag<AnalysisChain> _queryChains = [];

    /// <summary>An analyzer with the domain acronyms; learn more through <see cref="Acronyms"/>.</summary>
    public SwedishAnalyzer()
        : this(new AcronymTable())
    {
    }

    /// <summary>An analyzer that connects the acronyms of <paramref name="acronyms"/>.</summary>
    public SwedishAnalyzer(AcronymTable acronyms)
    {
        ArgumentNullException.ThrowIfNull(acronyms);
        Acronyms = acronyms;
    }

    /// <summary>The acronyms this analyzer connects; <see cref="AcronymTable.Learn"/> adds pairs a document defines.</summary>
    public AcronymTable Acronyms { get; }

    /// <summary>Analyses <paramref name="text"/> into a token stream.</summary>
    public IReadOnlyList<Token> Analyze(string text, AnalysisTarget target = AnalysisTarget.Index)
    {
        ArgumentNullException.ThrowIfNull(text);
        ConcurrentBag<AnalysisChain> chains = target == AnalysisTarget.Query ? _queryChains : _indexChains;
        AnalysisChain chain = chains.TryTake(out AnalysisChain? pooled) ? pooled : CreateChain(target);
        try
        {
            return chain.Analyze(text);
        }
        finally
        {
            chains.Add(chain);
        }
    }

    private AnalysisChain CreateChain(AnalysisTarget target)
    {
        var tokenizer = new SwedishTokenizer(new TokenAttributes());
        TokenStream stream = new HyphenatedWordFilter(tokenizer);
        stream = new UpperCaseFilter(stream);
        stream = new LowerCaseFilter(stream);
        stream = new SuspendedHyphenFilter(stream);
        stream = new StopFilter(stream);
        stream = new DecompoundFilter(stream, foldedLexicon: target == AnalysisTarget.Query);
        stream = new SwedishStemFilter(stream);
        stream = new SingularStemFilter(stream);
        stream = new AcronymFilter(stream, Acronyms);
        stream = new FoldingFilter(stream);
        return new AnalysisChain(tokenizer, stream);
    }
}
