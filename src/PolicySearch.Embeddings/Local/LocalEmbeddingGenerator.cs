using Microsoft.Extensions.AI;

namespace PolicySearch.Embeddings.Local;

/// <summary>
/// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> over a trained <see cref="LocalEmbeddingModel"/>.
/// Thread-safe; embedding runs synchronously on the calling thread (it takes microseconds per passage).
/// </summary>
public sealed class LocalEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>Provider name reported in <see cref="Metadata"/>.</summary>
    public const string ProviderName = "policysearch-local";

    /// <summary>Creates a generator over <paramref name="model"/>.</summary>
    public LocalEmbeddingGenerator(LocalEmbeddingModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        Metadata = new EmbeddingGeneratorMetadata(ProviderName, providerUri: null, model.ModelId, model.Dimensions);
    }

    /// <summary>The model behind this generator.</summary>
    public LocalEmbeddingModel Model { get; }

    /// <summary>Provider, model id and dimensions.</summary>
    public EmbeddingGeneratorMetadata Metadata { get; }

    /// <inheritdoc />
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = new GeneratedEmbeddings<Embedding<float>>();
        DateTimeOffset now = DateTimeOffset.UtcNow;
        foreach (string value in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            result.Add(new Embedding<float>(Model.Embed(value)) { ModelId = Model.ModelId, CreatedAt = now });
        }
        return Task.FromResult(result);
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        GeneratorServices.Find(serviceType, serviceKey, Metadata, this, Model);

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
