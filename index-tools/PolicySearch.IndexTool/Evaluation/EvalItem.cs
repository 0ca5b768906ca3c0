namespace PolicySearch.IndexTool.Evaluation;

/// <summary>One line of an eval file: a query, its kind, graded evidence and negatives.</summary>
internal sealed record EvalItem(string Id, string Query, string Kind, IReadOnlyList<Evidence> Relevant, IReadOnlyList<string>? Negatives);

/// <summary>A piece of text a relevant passage holds, with its grade (1 or 2).</summary>
internal sealed record Evidence([property: System.Text.Json.Serialization.JsonPropertyName("evidence")] string Text, int Grade);

/// <summary>Metrics of one query, or averages over a kind (<see cref="Neg5"/> is null when no query had negatives).</summary>
internal sealed record QueryMetrics(string Kind, double Ndcg, double Recall, double Mrr, double? Neg5, int N);

/// <summary>Averages per kind and overall ("all").</summary>
internal sealed record MetricSummary(double? Ndcg, double? Recall, double? Mrr, double? Neg5);
