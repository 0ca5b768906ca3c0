namespace PolicySearch.Analysis;

/// <summary>Whether text is analysed for the index or as a user query.</summary>
public enum AnalysisTarget
{
    /// <summary>Passage text being indexed: every derived form is emitted.</summary>
    Index,
    /// <summary>A user query: derived forms are emitted as optional alternatives.</summary>
    Query,
}
