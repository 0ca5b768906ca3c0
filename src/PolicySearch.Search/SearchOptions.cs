namespace PolicySearch.Search;

/// <summary>Ranking and limits of the search layer; bound from the <c>SearchOptions</c> configuration section.</summary>
public sealed class SearchOptions
{
    /// <summary>Longest query (characters) that is analysed; longer input is cut, never rejected here.</summary>
    public int MaxQueryLength { get; set; } = 1000;

    /// <summary>Largest page size.</summary>
    public int MaxTop { get; set; } = 100;

    /// <summary>Largest offset + top a client can page to.</summary>
    public int MaxResultWindow { get; set; } = 1000;

    /// <summary>Candidates each retriever contributes before fusion and speaker ordering.</summary>
    public int CandidatePool { get; set; } = 100;

    /// <summary>The k of reciprocal-rank fusion: 1 / (k + rank).</summary>
    public int RrfK { get; set; } = 60;

    /// <summary>
    /// Weight of the semantic list in fusion (keyword has weight 1). Measured on the dev set (README "Embeddings"):
    /// from 1.25 to 3 hybrid beats keyword on semantic and acronym queries and overall, and loses at most 0.015
    /// on attribution; at 1 and below the vectors no longer lift the semantic queries.
    /// </summary>
    public double SemanticWeight { get; set; } = 1.5;

    /// <summary>
    /// Semantic candidates less similar than this fraction of the best candidate's cosine are dropped before fusion,
    /// so a filter that leaves only weak neighbours does not fill the page (and its facets) with unrelated passages.
    /// </summary>
    public double SemanticRelativeFloor { get; set; } = 0.5;

    /// <summary>Semantic candidates with a cosine below this are dropped before fusion, whatever the best one scored.</summary>
    public double SemanticAbsoluteFloor { get; set; } = 0.1;

    /// <summary>bm25 column weights: title and metadata, section heading, passage words, derived forms.</summary>
    public double TitleWeight { get; set; } = 2.0;
    /// <inheritdoc cref="TitleWeight"/>
    public double SectionWeight { get; set; } = 1.5;
    /// <inheritdoc cref="TitleWeight"/>
    public double TextWeight { get; set; } = 1.0;
    /// <inheritdoc cref="TitleWeight"/>
    public double DerivedWeight { get; set; } = 0.5;

    /// <summary>
    /// Keyword postings (with positions) kept in memory, in megabytes; each term is read from FTS5 on first use.
    /// All postings of the 274,620-passage bench corpus take about 300 MB; past the budget the cache starts over.
    /// </summary>
    public int KeywordCacheMegabytes { get; set; } = 256;

    /// <summary>A prefix query (<c>kamera*</c>) matches at most this many indexed terms, the most frequent first.</summary>
    public int MaxPrefixTerms { get; set; } = 256;
}
