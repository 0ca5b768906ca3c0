using PolicySearch.Analysis;
using PolicySearch.Ingestion;

namespace PolicySearch.Search.Querying;

/// <summary>
/// The voices a query can name: every speaker and authoring nämnd/förvaltning in the index. A name is
/// recognised in a query by its distinctive words (<c>Skärholmens</c>, <c>Rinkeby-Kista</c>, <c>Liberalerna</c>);
/// generic words (<c>stadsdelsnämnd</c>, <c>förvaltning</c>) are consumed when they follow but are not needed.
/// </summary>
internal sealed class SpeakerCatalog
{
    private static readonly string[] GenericWords =
    [
        "stadsdelsnämnd", "stadsdelsnämnden", "stadsdelsnämndens", "stadsdelsnämnder",
        "stadsdelsförvaltning", "stadsdelsförvaltningen", "stadsdelsförvaltningens", "stadsdelsförvaltningar",
        "nämnd", "nämnden", "nämndens", "förvaltning", "förvaltningen", "förvaltningens",
        "stadsdelsområde", "stadsdel", "stadsdelen", "partiet", "parti",
    ];

    private readonly List<Entry> _entries;
    private readonly HashSet<string> _generic;

    public SpeakerCatalog(SwedishAnalyzer analyzer, IEnumerable<Speaker> speakers)
    {
        _generic = new HashSet<string>(GenericWords.SelectMany(w => PrimaryTerms(analyzer, w)).Select(t => t.Term), StringComparer.Ordinal);
        _entries = [];
        foreach (var speaker in speakers.Distinct())
        {
            var distinctive = PrimaryTerms(analyzer, speaker.Name).Select(t => t.Term).Where(t => !_generic.Contains(t)).ToArray();
            if (distinctive.Length > 0) _entries.Add(new Entry(speaker, distinctive));
        }
    }

    public int Count => _entries.Count;

    /// <summary>
    /// Finds the longest speaker name in <paramref name="query"/>. Returns the voices that share that name
    /// (a nämnd and its förvaltning speak as one) and the character range of the query it occupied.
    /// </summary>
    public SpeakerMatch? Recognise(SwedishAnalyzer analyzer, string query)
    {
        var tokens = PrimaryTerms(analyzer, query);
        Entry? best = null;
        int bestAt = -1;
        foreach (var entry in _entries)
        {
            int at = IndexOf(tokens, entry.Distinctive);
            if (at >= 0 && (best is null || entry.Distinctive.Length > best.Distinctive.Length)) { best = entry; bestAt = at; }
        }
        if (best is null) return null;

        int last = bestAt + best.Distinctive.Length - 1;
        while (last + 1 < tokens.Count && _generic.Contains(tokens[last + 1].Term)) last++;
        var family = _entries.Where(e => e.Distinctive.AsSpan().SequenceEqual(best.Distinctive)).Select(e => e.Speaker).ToList();
        string? genericInQuery = last > bestAt + best.Distinctive.Length - 1 ? tokens[last].Term : null;
        var named = PreferredName(analyzer, family, genericInQuery);
        return new SpeakerMatch(named, family, tokens[bestAt].Start, tokens[last].End);
    }

    /// <summary>The family member whose name also carries the generic word the query used (nämnd rather than förvaltning).</summary>
    private static Speaker PreferredName(SwedishAnalyzer analyzer, List<Speaker> family, string? genericInQuery)
    {
        if (genericInQuery is not null)
        {
            foreach (var speaker in family)
                if (PrimaryTerms(analyzer, speaker.Name).Exists(t => string.Equals(t.Term, genericInQuery, StringComparison.Ordinal)))
                    return speaker;
        }
        return family.OrderBy(s => s.Kind).ThenBy(s => s.Name.Length).First();
    }

    private static int IndexOf(List<Token> tokens, string[] terms)
    {
        for (int i = 0; i + terms.Length <= tokens.Count; i++)
        {
            int j = 0;
            while (j < terms.Length && string.Equals(tokens[i + j].Term, terms[j], StringComparison.Ordinal)) j++;
            if (j == terms.Length) return i;
        }
        return -1;
    }

    private static List<Token> PrimaryTerms(SwedishAnalyzer analyzer, string text) =>
        analyzer.Analyze(text, AnalysisTarget.Query).Where(t => Indexing.PassageTerms.IsPrimary(t.Kind)).ToList();

    private sealed record Entry(Speaker Speaker, string[] Distinctive);
}

/// <summary>A speaker named in a query: the name to show, every voice it stands for, and where it was in the query.</summary>
internal sealed record SpeakerMatch(Speaker Named, IReadOnlyList<Speaker> Voices, int Start, int End);
