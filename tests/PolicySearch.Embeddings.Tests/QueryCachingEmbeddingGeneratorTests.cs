using Microsoft.Extensions.AI;

namespace PolicySearch.Embeddings.Tests;

public sealed class QueryCachingEmbeddingGeneratorTests
{
    [Fact]
    public async Task A_repeated_query_is_generated_once()
    {
        var inner = new CountingGenerator();
        using var cache = new QueryCachingEmbeddingGenerator(inner);

        var first = await cache.GenerateAsync(["kameraövervakning"]);
        var second = await cache.GenerateAsync(["kameraövervakning"]);

        Assert.Equal(1, inner.Calls);
        Assert.Equal(first[0].Vector.ToArray(), second[0].Vector.ToArray());
    }

    [Fact]
    public async Task Batches_are_not_cached()
    {
        var inner = new CountingGenerator();
        using var cache = new QueryCachingEmbeddingGenerator(inner);

        await cache.GenerateAsync(["a", "b"]);
        await cache.GenerateAsync(["a", "b"]);

        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public async Task The_least_recently_used_query_is_dropped_beyond_capacity()
    {
        var inner = new CountingGenerator();
        using var cache = new QueryCachingEmbeddingGenerator(inner, capacity: 2);

        await cache.GenerateAsync(["a"]);
        await cache.GenerateAsync(["b"]);
        await cache.GenerateAsync(["a"]); // a is now the most recent
        await cache.GenerateAsync(["c"]); // drops b
        await cache.GenerateAsync(["a"]);
        Assert.Equal(3, inner.Calls);

        await cache.GenerateAsync(["b"]);
        Assert.Equal(4, inner.Calls);
    }

    [Fact]
    public void Capacity_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>("capacity", () => new QueryCachingEmbeddingGenerator(new CountingGenerator(), 0));
    }

    private sealed class CountingGenerator : IEmbeddingGenerator<string, Embedding<float>>
    {
        public int Calls { get; private set; }

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            Calls++;
            return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(v => new Embedding<float>(new[] { v.Length, (float)Calls }))));
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
