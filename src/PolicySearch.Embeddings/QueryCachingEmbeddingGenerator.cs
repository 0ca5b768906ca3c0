using Microsoft.Extensions.AI;

namespace PolicySearch.Embeddings;

/// <summary>
/// Remembers the vectors of recent single-text calls (search queries), so paging through results or
/// repeating a popular query does not call a remote model again. Batch calls (indexing) pass straight
/// through and are not cached. Thread-safe; least recently used entries are dropped beyond the capacity.
/// </summary>
public sealed class QueryCachingEmbeddingGenerator : DelegatingEmbeddingGenerator<string, Embedding<float>>
{
    private readonly int _capacity;
    private readonly Dictionary<(string Text, string? Model), LinkedListNode<(string Text, string? Model, Embedding<float> Embedding)>> _entries = [];
    private readonly LinkedList<(string Text, string? Model, Embedding<float> Embedding)> _recency = new();
    private readonly Lock _lock = new();

    /// <summary>Wraps <paramref name="innerGenerator"/>, keeping at most <paramref name="capacity"/> query vectors.</summary>
    public QueryCachingEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> innerGenerator, int capacity = 1000)
        : base(innerGenerator)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
    }

    /// <inheritdoc />
    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        IReadOnlyList<string> inputs = values as IReadOnlyList<string> ?? [.. values];
        // Only plain single-text calls are cached: other options could change the vector.
        if (inputs.Count != 1 || (options is not null && (options.Dimensions is not null || options.AdditionalProperties is { Count: > 0 })))
            return await base.GenerateAsync(inputs, options, cancellationToken);

        var key = (inputs[0], options?.ModelId);
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                return [node.Value.Embedding];
            }
        }
        GeneratedEmbeddings<Embedding<float>> generated = await base.GenerateAsync(inputs, options, cancellationToken);
        lock (_lock)
        {
            if (!_entries.ContainsKey(key))
            {
                _entries[key] = _recency.AddFirst((key.Item1, key.ModelId, generated[0]));
                if (_entries.Count > _capacity)
                {
                    var oldest = _recency.Last!;
                    _recency.RemoveLast();
                    _entries.Remove((oldest.Value.Text, oldest.Value.Model));
                }
            }
        }
        return generated;
    }
}
