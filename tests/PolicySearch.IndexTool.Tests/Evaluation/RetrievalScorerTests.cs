using PolicySearch.IndexTool.Evaluation;

namespace PolicySearch.IndexTool.Tests.Evaluation;

public sealed class RetrievalScorerTests
{
    private static readonly EvalItem Item = new("q1", "kameror", "keyword",
        [new Evidence("Förvaltningen avser att undersöka kameraövervakning", 2), new Evidence("trygghetskameror i centrum", 1)],
        ["kameror på stationen"]);

    [Fact]
    public void Normalisation_keeps_letters_and_digits_lower_cased_like_python_isalnum()
    {
        Assert.Equal("kameraövervakning2018½", EvalNormalizer.Normalize("Kamera-\u00d6VERVAKNING (2018) ½!"));
        // NFD input is composed first, so "ö" written as o + combining diaeresis still matches.
        Assert.Equal("ö", EvalNormalizer.Normalize("o\u0308"));
    }

    [Fact]
    public void Each_evidence_is_credited_once_to_the_first_passage_holding_it()
    {
        string[] hits =
        [
            "Inget relevant här.",
            "Förvaltningen avser att  undersöka KAMERAÖVERVAKNING, och trygghetskameror i centrum.",
            "Förvaltningen avser att undersöka kameraövervakning igen.",
        ];

        var metrics = RetrievalScorer.Score(Item, hits);

        // Rank 2 holds both (gain max(2,1) = 2 -> 3), rank 3 gets nothing: DCG = 3 / log2(3).
        double ideal = 3 + 1 / Math.Log2(3);
        Assert.Equal(3 / Math.Log2(3) / ideal, metrics.Ndcg, 12);
        Assert.Equal(1.0, metrics.Recall);
        Assert.Equal(0.5, metrics.Mrr);
        Assert.Equal(0.0, metrics.Neg5);
        Assert.Equal(3, metrics.N);
    }

    [Fact]
    public void Neg5_is_the_share_of_the_top_five_holding_a_negative()
    {
        var metrics = RetrievalScorer.Score(Item, ["Kameror på stationen.", "annat", "KAMEROR PÅ STATIONEN i Rinkeby", "x", "y", "kameror på stationen"]);

        Assert.Equal(2.0 / 5, metrics.Neg5);
        Assert.Equal(0, metrics.Ndcg);
    }

    [Fact]
    public void Summary_averages_per_kind_and_leaves_missing_neg5_null()
    {
        var summary = RetrievalScorer.Summarise(
        [
            new QueryMetrics("keyword", 1, 1, 1, null, 10),
            new QueryMetrics("attribution", 0.5, 0.5, 0.5, 0.2, 10),
            new QueryMetrics("keyword", 0, 0, 0, null, 10),
        ]);

        Assert.Equal(["all", "attribution", "keyword"], summary.Select(s => s.Kind));
        Assert.Equal(0.5, summary[0].Summary.Ndcg);
        Assert.Equal(0.2, summary[0].Summary.Neg5);
        Assert.Null(summary[2].Summary.Neg5);
    }
}
