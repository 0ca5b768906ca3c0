using PolicySearch.Analysis;
using PolicySearch.Search.Indexing;

namespace PolicySearch.Search.Querying;

/// <summary>
/// The analysed query as groups of <see cref="TermPattern"/>s. Each query word is a group: the word, its folded
/// form and acronym expansions are alternatives, its compound parts must all match together. Quoted phrases and
/// prefixes are groups of their own. User text only ever becomes encoded terms, never query syntax.
/// </summary>
internal sealed class KeywordQuery
{
    private readonly List<IReadOnlyList<TermPattern>> _groups = [];
    private readonly List<TermPattern> _excluded = [];

    private KeywordQuery() { }

    /// <summary>Terms to highlight wherever a passage has them, even as a compound part: the query's words and folded forms.</summary>
    public HashSet<string> HighlightTerms { get; } = new(StringComparer.Ordinal);

    /// <summary>Terms to highlight only as whole passage words: acronym expansions ("social" is not every "socialtjänst").</summary>
    public HashSet<string> HighlightWords { get; } = new(StringComparer.Ordinal);

    /// <summary>Prefixes to highlight.</summary>
    public List<string> HighlightPrefixes { get; } = [];

    /// <summary>Acronym expansions the analyzer added, as readable text.</summary>
    public List<string> Expansions { get; } = [];

    /// <summary>The groups; a passage matching every one is a complete match.</summary>
    public IReadOnlyList<IReadOnlyList<TermPattern>> Groups => _groups;

    /// <summary>Words or phrases a passage must not contain.</summary>
    public IReadOnlyList<TermPattern> Excluded => _excluded;

    /// <summary>
    /// The query's words as a phrase in any column (the derived column holds an acronym's expansion in order, so
    /// "SIG" is "sociala insatsgrupper" here too), or null for fewer than two words.
    /// </summary>
    public TermPattern? WordsInOrder { get; private set; }

    public int GroupCount => _groups.Count;

    public bool IsEmpty => _groups.Count == 0;

    public static KeywordQuery Build(SwedishAnalyzer analyzer, string topic, ParsedQuery parsed)
    {
        var query = new KeywordQuery();
        var tokens = analyzer.Analyze(topic, AnalysisTarget.Query);
        foreach (var position in tokens.GroupBy(t => t.Position))
            query.AddWordGroup([.. position], ReadableExpansion(analyzer.Acronyms, topic, position.First()));
        var words = tokens.Where(t => PassageTerms.IsPrimary(t.Kind) && t.Term.Length > 0).Select(t => TermEncoder.Encode(t.Term)).ToList();
        if (words.Count > 1) query.WordsInOrder = TermPattern.Words(words, ColumnSet.All);
        foreach (string phrase in parsed.Phrases)
            if (query.PhrasePattern(analyzer, phrase, highlight: true) is { } pattern)
                query._groups.Add([pattern]);
        foreach (string prefix in parsed.Prefixes)
        {
            query._groups.Add([new TermPattern(TermPatternKind.Prefix, [TermEncoder.Encode(prefix)])]);
            query.HighlightPrefixes.Add(prefix);
        }
        foreach (string excluded in parsed.Excluded)
            if (query.PhrasePattern(analyzer, excluded, highlight: false) is { } pattern)
                query._excluded.Add(pattern);
        return query;
    }

    /// <summary>What the acronym at <paramref name="word"/> stands for as the documents write it ("sociala insatsgrupper"), or null.</summary>
    private static string? ReadableExpansion(AcronymTable acronyms, string topic, Token word) =>
        acronyms.Pairs.TryGetValue(topic[word.Start..word.End].ToUpperInvariant(), out var expansions) && expansions.Count > 0
            ? expansions[0]
            : null;

    private void AddWordGroup(IReadOnlyList<Token> tokens, string? readableExpansion)
    {
        var alternatives = new List<TermPattern>();
        var parts = new List<string>();
        var expansion = new List<string>();
        foreach (var token in tokens)
        {
            if (token.Term.Length == 0) continue;
            // A query word's own parts are not highlighted alone: "trygghetsfond" should not light up "tryggheten".
            switch (token.Kind)
            {
                case TokenKind.CompoundPart: parts.Add(TermEncoder.Encode(token.Term)); break;
                case TokenKind.AcronymExpansion: expansion.Add(TermEncoder.Encode(token.Term)); HighlightWords.Add(token.Term); break;
                default: alternatives.Add(TermPattern.Single(TermEncoder.Encode(token.Term))); HighlightTerms.Add(token.Term); break;
            }
        }
        if (parts.Count > 0) alternatives.Add(parts.Count == 1 ? TermPattern.Single(parts[0]) : new TermPattern(TermPatternKind.AllOf, parts));
        if (expansion.Count > 0)
        {
            alternatives.Add(TermPattern.Words(expansion, ColumnSet.Words));
            Expansions.Add(readableExpansion ?? string.Join(' ', tokens.Where(t => t.Kind == TokenKind.AcronymExpansion).Select(t => t.Term)));
        }
        var distinct = alternatives.Distinct().ToList();
        if (distinct.Count > 0) _groups.Add(distinct);
    }

    /// <summary>The words of <paramref name="text"/> in order, matched as consecutive positions of the word columns.</summary>
    private TermPattern? PhrasePattern(SwedishAnalyzer analyzer, string text, bool highlight)
    {
        var terms = analyzer.Analyze(text, AnalysisTarget.Query).Where(t => PassageTerms.IsPrimary(t.Kind) && t.Term.Length > 0).Select(t => t.Term).ToList();
        if (terms.Count == 0) return null;
        if (highlight) HighlightTerms.UnionWith(terms);
        return TermPattern.Words([.. terms.Select(TermEncoder.Encode)], ColumnSet.Words);
    }
}
