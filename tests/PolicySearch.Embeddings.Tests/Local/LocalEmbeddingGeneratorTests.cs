using Microsoft.Extensions.AI;
using PolicySearch.Embeddings.Local;

namespace PolicySearch.Embeddings.Tests.Local;

public sealed class LocalEmbeddingGeneratorTests
{
    private static readonly LocalEmbeddingModel Model = LocalEmbeddingModel.Train(SeedPassages.Texts.Take(60).ToList());

    [Fact]
    public async Task Generates_one_model_vector_per_input_in_order()
    {
        using var generator = new LocalEmbeddingGenerator(Model);
        string[] inputs = ["kameraövervakning", "sociala insatsgrupper", "klotter"];

        GeneratedEmbeddings<Embedding<float>> embeddings = await generator.GenerateAsync(inputs);

        Assert.Equal(inputs.Length, embeddings.Count);
        for (int i = 0; i < inputs.Length; i++)
        {
            Assert.Equal(Model.Embed(inputs[i]), embeddings[i].Vector.ToArray());
            Assert.Equal(Model.ModelId, embeddings[i].ModelId);
        }
    }

    [Fact]
    public void Metadata_names_provider_model_and_dimensions()
    {
        using var generator = new LocalEmbeddingGenerator(Model);

        EmbeddingGeneratorMetadata metadata = generator.GetRequiredService<EmbeddingGeneratorMetadata>();

        Assert.Equal(LocalEmbeddingGenerator.ProviderName, metadata.ProviderName);
        Assert.Equal(Model.ModelId, metadata.DefaultModelId);
        Assert.Equal(Model.Dimensions, metadata.DefaultModelDimensions);
        Assert.Same(Model, generator.GetService<LocalEmbeddingModel>());
    }

    [Fact]
    public async Task Honours_cancellation()
    {
        using var generator = new LocalEmbeddingGenerator(Model);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => generator.GenerateAsync(["klotter"], cancellationToken: cancelled.Token));
    }
}
