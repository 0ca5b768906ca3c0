namespace PolicySearch.Search.Retrieval;

/// <summary>A passage id with the score a retriever gave it (higher is better).</summary>
internal readonly record struct RankedPassage(long PassageId, double Score);
