using System.Numerics.Tensors;
using PolicySearch.Embeddings.Local;

namespace PolicySearch.Embeddings.Tests.Local;

public sealed class TrainingSampleTests
{
    [Fact]
    public void The_sample_is_distinct_ascending_in_range_and_of_the_requested_size()
    {
        int[] sample = TrainingSample.Indices(count: 10_000, take: 500, seed: 1);

        Assert.Equal(500, sample.Length);
        Assert.Equal(sample.Order(), sample);
        Assert.Equal(500, sample.Distinct().Count());
        Assert.All(sample, i => Assert.InRange(i, 0, 9_999));
    }

    [Fact]
    public void The_same_seed_gives_the_same_sample_and_another_seed_another()
    {
        Assert.Equal(TrainingSample.Indices(10_000, 500, seed: 1), TrainingSample.Indices(10_000, 500, seed: 1));
        Assert.NotEqual(TrainingSample.Indices(10_000, 500, seed: 1), TrainingSample.Indices(10_000, 500, seed: 2));
    }

    [Fact]
    public void The_sample_spreads_over_the_whole_corpus()
    {
        int[] sample = TrainingSample.Indices(count: 10_000, take: 1_000, seed: 3);

        // Uniform: each tenth of the corpus holds about a tenth of the sample, not the head of the corpus only.
        foreach (var tenth in sample.GroupBy(i => i / 1_000))
            Assert.InRange(tenth.Count(), 60, 140);
        Assert.Equal(10, sample.Select(i => i / 1_000).Distinct().Count());
    }

    [Fact]
    public void A_corpus_within_the_bound_is_used_whole_and_a_bigger_one_is_sampled_in_corpus_order()
    {
        string[] texts = Enumerable.Range(0, 100).Select(i => $"passage {i:D3}").ToArray();

        IReadOnlyList<string> sample = TrainingSample.Of(texts, max: 10, seed: 1);

        Assert.Same(texts, TrainingSample.Of(texts, max: 100, seed: 1));
        Assert.Equal(10, sample.Count);
        Assert.Equal(sample.Order(StringComparer.Ordinal), sample);
        Assert.Subset(texts.ToHashSet(), sample.ToHashSet());
    }

    [Fact]
    public void A_bounded_model_is_trained_on_the_seeded_sample_and_embeds_every_passage()
    {
        IReadOnlyList<string> texts = SeedPassages.Texts;
        var bounded = new LocalModelSettings { MaxTrainingPassages = texts.Count / 2 };

        LocalEmbeddingModel model = LocalEmbeddingModel.Train(texts, bounded);

        Assert.Equal(model.ModelId, LocalEmbeddingModel.Train(texts, bounded).ModelId);
        Assert.Equal(model.ModelId, LocalEmbeddingModel.Train(TrainingSample.Of(texts, bounded.MaxTrainingPassages, bounded.Seed)).ModelId);
        Assert.NotEqual(model.ModelId, LocalEmbeddingModel.Train(texts).ModelId);
        float[][] vectors = texts.Select(model.Embed).ToArray();
        Assert.All(vectors, vector => Assert.Equal(1f, TensorPrimitives.Norm(vector), 3));
        int selfNearest = Enumerable.Range(0, vectors.Length)
            .Count(i => Enumerable.Range(0, vectors.Length).MaxBy(j => TensorPrimitives.Dot(vectors[i], vectors[j])) == i);
        Assert.True(selfNearest >= vectors.Length * 95 / 100, $"{selfNearest} of {vectors.Length} passages are nearest to themselves");
    }

    [Fact]
    public void A_bound_below_one_passage_is_refused()
    {
        Assert.Throws<ArgumentException>("settings", () => LocalEmbeddingModel.Train(["text"], new LocalModelSettings { MaxTrainingPassages = 0 }));
    }
}
