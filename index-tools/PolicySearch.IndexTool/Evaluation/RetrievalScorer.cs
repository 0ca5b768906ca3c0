namespace PolicySearch.IndexTool.Evaluation;

/// <summary>
/// The retrieval metrics of <c>shared/eval/README.md</c>, ported from <c>score.py</c> line for line:
/// each evidence is credited once, to the first passage that holds it; nDCG@k with gain 2^grade − 1,
/// Recall@k, MRR of the first grade-2 evidence, and Neg@5 for queries with negatives.
/// </summary>
internal static class RetrievalScorer
{
    public static QueryMetrics Score(EvalItem item, IReadOnlyList<string> hitTexts, int k = 10)
    {
        var texts = hitTexts.Take(k).Select(EvalNormalizer.Normalize).ToList();
        var relevant = item.Relevant.Select(r => (Text: EvalNormalizer.Normalize(r.Text), r.Grade)).ToList();
        var credited = new HashSet<int>();
        var gains = new List<int>(texts.Count);
        foreach (string text in texts)
        {
            int gain = 0;
            for (int i = 0; i < relevant.Count; i++)
            {
                if (!credited.Contains(i) && text.Contains(relevant[i].Text, StringComparison.Ordinal))
                {
                    credited.Add(i);
                    gain = Math.Max(gain, relevant[i].Grade);
                }
            }
            gains.Add(gain);
        }
        double dcg = Dcg(gains);
        double idcg = Dcg(relevant.Select(r => r.Grade).OrderDescending().Take(k).ToList());
        double recall = relevant.Count == 0 ? 0 : (double)credited.Count / relevant.Count;
        double mrr = 0;
        for (int i = 0; i < texts.Count; i++)
        {
            if (relevant.Exists(r => r.Grade >= 2 && texts[i].Contains(r.Text, StringComparison.Ordinal))) { mrr = 1.0 / (i + 1); break; }
        }
        var negatives = (item.Negatives ?? []).Select(EvalNormalizer.Normalize).ToList();
        double? neg5 = negatives.Count == 0
            ? null
            : (double)texts.Take(5).Count(t => negatives.Exists(n => t.Contains(n, StringComparison.Ordinal))) / Math.Max(1, Math.Min(5, texts.Count));
        return new QueryMetrics(item.Kind, idcg > 0 ? dcg / idcg : 0, recall, mrr, neg5, hitTexts.Count);
    }

    /// <summary>Averages overall (key "all") and per kind, in kind order; metrics missing everywhere stay null.</summary>
    public static IReadOnlyList<(string Kind, MetricSummary Summary)> Summarise(IReadOnlyList<QueryMetrics> perQuery)
    {
        var rows = new List<(string, MetricSummary)> { ("all", Average(perQuery)) };
        foreach (var kind in perQuery.GroupBy(q => q.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
            rows.Add((kind.Key, Average([.. kind])));
        return rows;
    }

    private static MetricSummary Average(IReadOnlyList<QueryMetrics> metrics) => new(
        Mean(metrics.Select(m => (double?)m.Ndcg)), Mean(metrics.Select(m => (double?)m.Recall)),
        Mean(metrics.Select(m => (double?)m.Mrr)), Mean(metrics.Select(m => m.Neg5)));

    private static double? Mean(IEnumerable<double?> values)
    {
        var present = values.Where(v => v.HasValue).Select(v => v!.Value).ToList();
        return present.Count == 0 ? null : present.Average();
    }

    private static double Dcg(IReadOnlyList<int> gains)
    {
        double sum = 0;
        for (int i = 0; i < gains.Count; i++) sum += (Math.Pow(2, gains[i]) - 1) / Math.Log2(i + 2);
        return sum;
    }
}
