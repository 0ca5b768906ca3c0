using System.Numerics.Tensors;
using PolicySearch.Embeddings.Local;

namespace PolicySearch.Embeddings.Tests.Local;

public sealed class LocalEmbeddingModelTests
{
    private static readonly Lazy<LocalEmbeddingModel> Seed = new(() => LocalEmbeddingModel.Train(SeedPassages.Texts));

    [Fact]
    public void Training_is_deterministic_for_the_same_passages_and_seed()
    {
        LocalEmbeddingModel again = LocalEmbeddingModel.Train(SeedPassages.Texts);

        Assert.Equal(Seed.Value.ModelId, again.ModelId);
        foreach (string text in SeedPassages.Texts.Take(20))
            Assert.Equal(Seed.Value.Embed(text), again.Embed(text));
    }

    [Fact]
    public void Model_id_names_the_method_and_changes_with_the_seed()
    {
        LocalEmbeddingModel other = LocalEmbeddingModel.Train(SeedPassages.Texts, new LocalModelSettings { Seed = 7 });

        Assert.StartsWith("local-char35-svd128-", Seed.Value.ModelId, StringComparison.Ordinal);
        Assert.NotEqual(Seed.Value.ModelId, other.ModelId);
    }

    [Fact]
    public void Every_passage_is_nearest_to_itself()
    {
        IReadOnlyList<string> texts = SeedPassages.Texts;
        float[][] vectors = texts.Select(Seed.Value.Embed).ToArray();

        for (int i = 0; i < vectors.Length; i++)
        {
            int nearest = Enumerable.Range(0, vectors.Length).MaxBy(j => TensorPrimitives.Dot(vectors[i], vectors[j]));
            Assert.True(nearest == i, $"passage {i} is nearest to passage {nearest}: {texts[i][..60]}");
        }
    }

    [Fact]
    public void Vectors_are_unit_length_with_the_configured_dimensions()
    {
        float[] vector = Seed.Value.Embed(SeedPassages.Texts[0]);

        Assert.Equal(128, vector.Length);
        Assert.Equal(1f, TensorPrimitives.Norm(vector), 3);
    }

    [Fact]
    public void Missing_diacritics_give_nearly_the_same_vector()
    {
        float same = Similarity("kameraovervakning", "kameraövervakning");
        float unrelated = Similarity("kameraövervakning", "budgetunderskott");

        Assert.True(same > 0.99f, $"similarity {same}");
        Assert.True(unrelated < 0.5f, $"similarity {unrelated}");
    }

    [Fact]
    public void Inflections_and_compounds_are_closer_than_unrelated_words()
    {
        Assert.True(Similarity("trygghetskameror", "kameraövervakning") > Similarity("trygghetskameror", "föreningsbidrag"));
        Assert.True(Similarity("extremismen", "våldsbejakande extremism") > Similarity("extremismen", "skolans lokaler"));
    }

    [Fact]
    public void New_text_is_embedded_with_the_existing_projection()
    {
        const string unseen = "Nämnden vill utöka kameraövervakningen vid tunnelbanestationen i Skärholmen.";
        Assert.DoesNotContain(unseen, SeedPassages.Texts);

        float[] vector = Seed.Value.Embed(unseen);

        Assert.Equal(1f, TensorPrimitives.Norm(vector), 3);
    }

    [Fact]
    public void Embedding_on_many_threads_and_between_models_gives_the_same_vectors()
    {
        IReadOnlyList<string> texts = SeedPassages.Texts;
        float[][] sequential = texts.Select(Seed.Value.Embed).ToArray();
        LocalEmbeddingModel small = LocalEmbeddingModel.Train(["Kameror på torget.", "Budget för parken."]);

        var parallel = new float[texts.Count][];
        Parallel.For(0, texts.Count, i =>
        {
            small.Embed(texts[i]); // another model's vocabulary in between, on the same thread
            parallel[i] = Seed.Value.Embed(texts[i]);
        });

        for (int i = 0; i < texts.Count; i++)
            Assert.Equal(sequential[i], parallel[i]);
    }

    [Fact]
    public void Text_without_known_features_gives_a_zero_vector()
    {
        Assert.All(Seed.Value.Embed("!!! ???"), value => Assert.Equal(0f, value));
    }

    [Fact]
    public void A_corpus_smaller_than_the_dimensions_still_gives_full_length_finite_vectors()
    {
        string[] texts = ["Kameraövervakning på torget.", "Kameror på torget och i parken.", "Budget för parken och torget."];
        LocalEmbeddingModel model = LocalEmbeddingModel.Train(texts, new LocalModelSettings { MinDocumentFrequency = 1 });

        float[] vector = model.Embed("kameror i parken");

        Assert.Equal(128, vector.Length);
        Assert.All(vector, value => Assert.True(float.IsFinite(value)));
        Assert.Equal(1f, TensorPrimitives.Norm(vector), 3);
    }

    [Fact]
    public void Save_and_load_round_trip_gives_the_same_model()
    {
        using var stream = new MemoryStream();
        Seed.Value.Save(stream);
        stream.Position = 0;

        LocalEmbeddingModel loaded = LocalEmbeddingModel.Load(stream);

        Assert.Equal(Seed.Value.ModelId, loaded.ModelId);
        Assert.Equal(Seed.Value.Settings, loaded.Settings);
        Assert.Equal(Seed.Value.Embed("kameraövervakning i Skärholmen"), loaded.Embed("kameraövervakning i Skärholmen"));
    }

    [Fact]
    public void Loading_a_truncated_model_fails_clearly()
    {
        using var stream = new MemoryStream();
        Seed.Value.Save(stream);
        using var truncated = new MemoryStream(stream.ToArray()[..(int)(stream.Length / 2)]);

        var error = Assert.Throws<InvalidDataException>(() => LocalEmbeddingModel.Load(truncated));
        Assert.Contains("policysearch train", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Loading_something_else_fails_clearly()
    {
        using var stream = new MemoryStream("not a model at all"u8.ToArray());

        Assert.Throws<InvalidDataException>(() => LocalEmbeddingModel.Load(stream));
    }

    [Theory]
    [InlineData(0, 5, 128)]
    [InlineData(5, 3, 128)]
    [InlineData(3, 5, 0)]
    public void Invalid_settings_are_refused(int minNGram, int maxNGram, int dimensions)
    {
        var settings = new LocalModelSettings { MinNGram = minNGram, MaxNGram = maxNGram, Dimensions = dimensions };

        Assert.Throws<ArgumentException>("settings", () => LocalEmbeddingModel.Train(["text"], settings));
    }

    private static float Similarity(string a, string b) => TensorPrimitives.Dot(Seed.Value.Embed(a), Seed.Value.Embed(b));
}
