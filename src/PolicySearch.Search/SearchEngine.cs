using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.AI;
using PolicySearch.Analysis;
using PolicySearch.Ingestion;
using PolicySearch.Search.Embedding;
using PolicySearch.Search.Presentation;
using PolicySearch.Search.Querying;
using PolicySearch.Search.Retrieval;
using PolicySearch.Search.Storage;

namespace PolicySearch.Search;

/// <summary>
/// Answers one <see cref="SearchRequest"/>: parse and interpret the query, retrieve keyword and vector
/// candidates (the named speaker's own passages first), fuse, page, highlight, cite and count facets.
/// </summary>
internal sealed class SearchEngine(
    SqliteStore store,
    SwedishAnalyzer analyzer,
    Gazetteer gazetteer,
    IEmbeddingGenerator<string, Embedding<float>>? embeddings,
    SearchOptions options)
{
    private readonly KeywordRetriever _keyword = new(options);
    private readonly Highlighter _highlighter = new(analyzer);
    private readonly GenerationCache<KeywordIndex> _keywordIndex = new(connection => KeywordIndex.Load(connection, options));
    private readonly GenerationCache<PassageCatalog> _catalog = new(PassageCatalog.Load);
    private readonly GenerationCache<VectorIndex> _vectors = new(VectorIndex.Load);

    /// <summary>Tells the engine the stored vectors changed (re-embedded), so cached data is reloaded.</summary>
    public void Invalidate()
    {
        _keywordIndex.Invalidate();
        _catalog.Invalidate();
        _vectors.Invalidate();
    }

    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        using var snapshot = connection.BeginTransaction(deferred: true);
        long generation = DocumentWriter.ReadGeneration(connection);
        _keywordIndex.Get(connection, generation);
        _catalog.Get(connection, generation);
        if (embeddings is not null) _vectors.Get(connection, generation);
    }

    public async Task<SearchResponse> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        string text = request.Query.Length > options.MaxQueryLength ? request.Query[..options.MaxQueryLength] : request.Query;
        int top = Math.Clamp(request.Top, 0, options.MaxTop);
        int offset = Math.Clamp(request.Offset, 0, Math.Max(0, options.MaxResultWindow - top));
        await using var connection = await store.OpenAsync(cancellationToken);
        // One read snapshot for the whole search, so hits, rows, total and facets all see the same version of a
        // document being re-indexed meanwhile. Deferred: a plain BEGIN, which in WAL mode never waits for the writer.
        using var snapshot = connection.BeginTransaction(deferred: true);

        var parsed = ParsedQuery.Parse(text);
        var interpretation = QuestionInterpreter.Interpret(gazetteer, parsed.FreeText);
        var keywordQuery = KeywordQuery.Build(analyzer, interpretation.Topic, parsed);
        var filter = SearchFilter.From(request);
        string meaning = parsed.PlainText(interpretation.Topic);
        float[]? queryVector = request.Mode == SearchMode.Keyword || meaning.Length == 0
            ? null
            : await EmbedAsync(meaning, cancellationToken);
        // Without a vector list nothing is fused, so the page is all keyword retrieval needs to rank.
        int pool = queryVector is null ? offset + top : Math.Max(options.CandidatePool, offset + top);
        // Read once: the caches below all belong to the generation this snapshot sees.
        long generation = DocumentWriter.ReadGeneration(connection);
        var keywordIndex = _keywordIndex.Get(connection, generation);
        var catalog = _catalog.Get(connection, generation);

        // A named speaker's own passages are the answer; others only when the speaker has none on the topic.
        var allowed = catalog.Allowed(filter);
        KeywordMatches? spokenMatches = null;
        if (interpretation.Speaker is { } speaker)
        {
            var spoken = catalog.Allowed(filter.WithSpeaker(speaker.Voices));
            spokenMatches = _keyword.Match(connection, keywordIndex, keywordQuery, spoken);
            if (keywordQuery.IsEmpty || spokenMatches.Count > 0) allowed = spoken;
            else
            {
                spokenMatches.Dispose();
                spokenMatches = null;
            }
        }
        using var matches = spokenMatches ?? _keyword.Match(connection, keywordIndex, keywordQuery, allowed);
        var ranked = Retrieve(connection, generation, request.Mode, matches, queryVector, allowed, pool);

        var page = ranked.Skip(offset).Take(top).ToList();
        var rows = PassageRow.Load(connection, page.Select(r => r.PassageId));
        var hits = page.Where(r => rows.ContainsKey(r.PassageId)).Select(r => ToHit(rows[r.PassageId], r.Score, keywordQuery)).ToList();

        // Total and facets are exact: semantic results are the ranked list itself; keyword results every keyword
        // match; hybrid adds the semantic candidates that survived the floor.
        // (Counted in place: a common word's matches would otherwise be copied into a list per query.)
        bool semanticOnly = request.Mode == SearchMode.Semantic && queryVector is not null;
        IReadOnlyList<int> keywordCounted = semanticOnly ? [] : matches.Passages;
        List<long> vectorCounted = semanticOnly || request.Mode == SearchMode.Hybrid
            ? ranked.Select(r => r.PassageId).Where(id => semanticOnly || !matches.Contains(id)).ToList()
            : [];
        var facets = catalog.Facets.Count(keywordCounted, vectorCounted);

        return new SearchResponse(request.Query, request.Mode, keywordCounted.Count + vectorCounted.Count, Math.Round(clock.Elapsed.TotalMilliseconds, 2),
            new QueryInterpretation(interpretation.Speaker is { } s ? PassageRow.ToView(s.Named) : null, parsed.Describe(interpretation.Topic), keywordQuery.Expansions),
            hits, facets);
    }

    private List<RankedPassage> Retrieve(SqliteConnection connection, long generation, SearchMode mode, KeywordMatches matches, float[]? queryVector, PassageSet? allowed, int pool)
    {
        // Without a query vector (no model, or nothing but a speaker to embed) every mode ranks by keyword.
        var keyword = mode == SearchMode.Semantic && queryVector is not null ? [] : matches.Top(pool);
        if (queryVector is null || mode == SearchMode.Keyword) return keyword;
        var semantic = _vectors.Get(connection, generation).Nearest(queryVector, pool, allowed);
        if (mode == SearchMode.Semantic) return semantic;
        var fused = RankFusion.Fuse(options.RrfK, (keyword, 1.0), (AboveFloor(semantic), options.SemanticWeight));
        return KeywordFirst(fused, keyword, matches.GroupCount);
    }

    /// <summary>The semantic candidates close enough to the best one (and absolutely) to be worth fusing.</summary>
    private List<RankedPassage> AboveFloor(List<RankedPassage> semantic)
    {
        if (semantic.Count == 0) return semantic;
        double floor = Math.Max(options.SemanticAbsoluteFloor, semantic[0].Score * options.SemanticRelativeFloor);
        return semantic.TakeWhile(r => r.Score >= floor).ToList();
    }

    /// <summary>
    /// When some passages match every query word, those come first in keyword order: a user whose typed words all
    /// occur expects them in the first hits, ranked by how well they hold those words. Vectors order the rest
    /// (partial and semantic-only matches) by fusion.
    /// </summary>
    private static List<RankedPassage> KeywordFirst(List<RankedPassage> fused, List<RankedPassage> keyword, int groupCount)
    {
        var complete = keyword.Where(r => r.Score >= groupCount).ToList();
        if (complete.Count == 0) return fused;
        var first = complete.Select(r => r.PassageId).ToHashSet();
        var fusedScores = fused.ToDictionary(r => r.PassageId, r => r.Score);
        return [.. complete.Select(r => r with { Score = fusedScores.GetValueOrDefault(r.PassageId) }), .. fused.Where(r => !first.Contains(r.PassageId))];
    }

    private SearchHit ToHit(PassageRow row, double score, KeywordQuery query) =>
        row.ToHit(_highlighter.Find(query, row.Text), score);

    private async Task<float[]?> EmbedAsync(string topic, CancellationToken cancellationToken)
    {
        // Without a model yet (nothing indexed), semantic and hybrid search find what keyword search finds.
        if (embeddings is null or IndexEmbeddings { IsReady: false }) return null;
        var embedding = await embeddings.GenerateAsync([topic], cancellationToken: cancellationToken);
        return VectorMath.Normalised(embedding[0].Vector).ToArray();
    }

    /// <summary>The passage vectors, loaded once per data generation (also for "more like this").</summary>
    public VectorIndex Vectors(SqliteConnection connection) => _vectors.Get(connection, DocumentWriter.ReadGeneration(connection));
}
