namespace PolicySearch.Search;

/// <summary>
/// A value built from the stored data (vectors, facet table) and rebuilt after the data changed:
/// <see cref="Invalidate"/> bumps the generation, the next <see cref="Get"/> reloads.
/// </summary>
internal sealed class GenerationCache<T>(Func<Microsoft.Data.Sqlite.SqliteConnection, T> load) where T : class
{
    private readonly Lock _lock = new();
    private long _generation;
    private (long Generation, T Value)? _cached;

    public void Invalidate() => Interlocked.Increment(ref _generation);

    public T Get(Microsoft.Data.Sqlite.SqliteConnection connection)
    {
        long generation = Interlocked.Read(ref _generation);
        lock (_lock)
        {
            if (_cached is { } cached && cached.Generation == generation) return cached.Value;
            var value = load(connection);
            _cached = (generation, value);
            return value;
        }
    }
}
