using System.Text.Json.Serialization;

namespace PolicySearch.Search;

/// <summary>How hits are retrieved.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SearchMode>))]
public enum SearchMode
{
    /// <summary>Reciprocal-rank fusion of keyword and semantic hits (the default).</summary>
    [JsonStringEnumMemberName("hybrid")] Hybrid,
    /// <summary>BM25 over analysed terms.</summary>
    [JsonStringEnumMemberName("keyword")] Keyword,
    /// <summary>Cosine nearest neighbours over passage vectors.</summary>
    [JsonStringEnumMemberName("semantic")] Semantic,
}

/// <summary>A search as the API and CLI receive it (already validated).</summary>
public sealed record SearchRequest
{
    /// <summary>Keywords or a question.</summary>
    public required string Query { get; init; }
    /// <summary>Retrieval mode.</summary>
    public SearchMode Mode { get; init; } = SearchMode.Hybrid;
    /// <summary>Filter: speaker or authoring body name.</summary>
    public string? Body { get; init; }
    /// <summary>Filter: party abbreviation or name.</summary>
    public string? Party { get; init; }
    /// <summary>Filter: document type.</summary>
    public string? DocumentType { get; init; }
    /// <summary>Filter: earliest document date.</summary>
    public DateOnly? From { get; init; }
    /// <summary>Filter: latest document date.</summary>
    public DateOnly? To { get; init; }
    /// <summary>Number of hits to return.</summary>
    public int Top { get; init; } = 10;
    /// <summary>Number of hits to skip.</summary>
    public int Offset { get; init; }
}

/// <summary>The speaker of a hit as serialised: kind is nämnd | förvaltning | party | person.</summary>
public sealed record SpeakerView(string Name, string Kind, string? Party);

/// <summary>A character range in a passage's text to highlight.</summary>
public sealed record HighlightRange(int Start, int End);

/// <summary>One cited passage.</summary>
public sealed record SearchHit(
    string PassageId,
    string DocumentId,
    string DocumentTitle,
    string? Dnr,
    string? Date,
    string? DocumentType,
    SpeakerView Speaker,
    string? Section,
    int? Page,
    string Text,
    IReadOnlyList<HighlightRange> Highlights,
    double Score,
    string Citation);

/// <summary>What the service understood of the query.</summary>
public sealed record QueryInterpretation(SpeakerView? Speaker, string Topic, IReadOnlyList<string> Expansions);

/// <summary>A facet value and how many matching passages have it.</summary>
public sealed record FacetValue(string Value, int Count);

/// <summary>Facets over the whole matching set.</summary>
public sealed record SearchFacets(
    IReadOnlyList<FacetValue> Body,
    IReadOnlyList<FacetValue> Year,
    IReadOnlyList<FacetValue> DocumentType,
    IReadOnlyList<FacetValue> Party);

/// <summary>The search response; its JSON shape is the contract in DESIGN.md.</summary>
public sealed record SearchResponse(
    string Query,
    SearchMode Mode,
    int Total,
    double TookMs,
    QueryInterpretation Interpretation,
    IReadOnlyList<SearchHit> Hits,
    SearchFacets Facets);
