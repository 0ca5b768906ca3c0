using System.Text;
using PolicySearch.Analysis;
using PolicySearch.Search.Indexing;

namespace PolicySearch.Search.Querying;

/// <summary>
/// The analysed query as FTS5 MATCH expressions. Each query word is a group: the word, its folded form and
/// acronym expansions are alternatives, its compound parts must all match together. Every term is encoded
/// (<see cref="TermEncoder"/>) and quoted, so user text can never become FTS5 syntax.
/// </summary>
internal sealed class KeywordQuery
{
    private const string PhraseColumns = "{title section text}";

    private readonly List<string> _groups = [];
    private readonly List<string> _excluded = [];
    private string? _wordsInOrder;

    private KeywordQuery() { }

    /// <summary>Terms to highlight wherever a passage has them, even as a compound part: the query's words and folded forms.</summary>
    public HashSet<string> HighlightTerms { get; } = new(StringComparer.Ordinal);

    /// <summary>Terms to highlight only as whole passage words: acronym expansions ("social" is not every "socialtjänst").</summary>
    public HashSet<string> HighlightWords { get; } = new(StringComparer.Ordinal);

    /// <summary>Prefixes to highlight.</summary>
    public List<string> HighlightPrefixes { get; } = [];

    /// <summary>Acronym expansions the analyzer added, as readable text.</summary>
    public List<string> Expansions { get; } = [];

    public int GroupCount => _groups.Count;

    public bool IsEmpty => _groups.Count == 0;

    public static KeywordQuery Build(SwedishAnalyzer analyzer, string topic, ParsedQuery parsed)
    {
        var query = new KeywordQuery();
        var tokens = analyzer.Analyze(topic, AnalysisTarget.Query);
        foreach (var position in tokens.GroupBy(t => t.Position))
            query.AddWordGroup([.. position], ReadableExpansion(analyzer.Acronyms, topic, position.First()));
        var words = tokens.Where(t => PassageTerms.IsPrimary(t.Kind) && t.Term.Length > 0).Select(t => t.Term).ToList();
        // In any column: the derived column holds an acronym's expansion in order, so "SIG" is "sociala insatsgrupper" here too.
        if (words.Count > 1) query._wordsInOrder = Quote(words);
        foreach (string phrase in parsed.Phrases)
            if (query.PhraseExpression(analyzer, phrase, highlight: true) is { } expression)
                query._groups.Add(expression);
        foreach (string prefix in parsed.Prefixes)
        {
            query._groups.Add(Quote(prefix) + " *");
            query.HighlightPrefixes.Add(prefix);
        }
        foreach (string excluded in parsed.Excluded)
            if (query.PhraseExpression(analyzer, excluded, highlight: false) is { } expression)
                query._excluded.Add(expression);
        return query;
    }

    /// <summary>Every group must match.</summary>
    public string All() => WithExclusions(string.Join(" AND ", _groups));

    /// <summary>At least one group must match.</summary>
    public string Any() => WithExclusions(string.Join(" OR ", _groups));

    /// <summary>The query's words as a phrase (adjacent, in order), or null for fewer than two words.</summary>
    public string? WordsInOrder() => _wordsInOrder is null ? null : WithExclusions(_wordsInOrder);

    /// <summary>Group <paramref name="index"/> alone, to count how many groups a candidate covers.</summary>
    public string Group(int index) => _groups[index];

    private string WithExclusions(string positive) =>
        _excluded.Count == 0 ? positive : $"({positive}) NOT ({string.Join(" OR ", _excluded)})";

    /// <summary>What the acronym at <paramref name="word"/> stands for as the documents write it ("sociala insatsgrupper"), or null.</summary>
    private static string? ReadableExpansion(AcronymTable acronyms, string topic, Token word) =>
        acronyms.Pairs.TryGetValue(topic[word.Start..word.End].ToUpperInvariant(), out var expansions) && expansions.Count > 0
            ? expansions[0]
            : null;

    private void AddWordGroup(IReadOnlyList<Token> tokens, string? readableExpansion)
    {
        var alternatives = new List<string>();
        var parts = new List<string>();
        var expansion = new List<string>();
        foreach (var token in tokens)
        {
            if (token.Term.Length == 0) continue;
            // A query word's own parts are not highlighted alone: "trygghetsfond" should not light up "tryggheten".
            switch (token.Kind)
            {
                case TokenKind.CompoundPart: parts.Add(Quote(token.Term)); break;
                case TokenKind.AcronymExpansion: expansion.Add(token.Term); HighlightWords.Add(token.Term); break;
                default: alternatives.Add(Quote(token.Term)); HighlightTerms.Add(token.Term); break;
            }
        }
        if (parts.Count > 0) alternatives.Add("(" + string.Join(" AND ", parts) + ")");
        if (expansion.Count > 0)
        {
            alternatives.Add(expansion.Count == 1 ? Quote(expansion[0]) : Phrase(expansion));
            Expansions.Add(readableExpansion ?? string.Join(' ', expansion));
        }
        var distinct = alternatives.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0) return;
        _groups.Add(distinct.Count == 1 ? distinct[0] : "(" + string.Join(" OR ", distinct) + ")");
    }

    /// <summary>The words of <paramref name="text"/> in order, matched as consecutive positions of the word columns.</summary>
    private string? PhraseExpression(SwedishAnalyzer analyzer, string text, bool highlight)
    {
        var terms = analyzer.Analyze(text, AnalysisTarget.Query).Where(t => PassageTerms.IsPrimary(t.Kind) && t.Term.Length > 0).Select(t => t.Term).ToList();
        if (terms.Count == 0) return null;
        if (highlight) HighlightTerms.UnionWith(terms);
        return terms.Count == 1 ? Quote(terms[0]) : Phrase(terms);
    }

    private static string Quote(string term) => Quote([term]);

    /// <summary>Consecutive terms in the word columns (a single FTS5 string of several tokens is a phrase).</summary>
    private static string Phrase(IReadOnlyList<string> terms) => PhraseColumns + " : " + Quote(terms);

    private static string Quote(IReadOnlyList<string> terms)
    {
        var builder = new StringBuilder().Append('"');
        for (int i = 0; i < terms.Count; i++)
        {
            if (i > 0) builder.Append(' ');
            TermEncoder.Append(builder, terms[i]);
        }
        return builder.Append('"').ToString();
    }
}
