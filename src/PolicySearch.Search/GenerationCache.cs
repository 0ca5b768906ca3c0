using Microsoft.Data.Sqlite;
using PolicySearch.Search.Storage;

namespace PolicySearch.Search;

/// <summary>
/// A value built from the stored data (vectors, keyword postings, facet table), rebuilt when the data changed:
/// when the data generation seen in the caller's snapshot differs (a write by any process), or after
/// <see cref="Invalidate"/> (vectors re-embedded by this process).
/// </summary>
internal sealed class GenerationCache<T>(Func<SqliteConnection, T> load) where T : class
{
    private readonly Lock _lock = new();
    private long _invalidations;
    private (long Invalidations, long Generation, T Value)? _cached;

    public void Invalidate() => Interlocked.Increment(ref _invalidations);

    /// <summary>
    /// The value for the data <paramref name="connection"/> sees, whose data generation (<see cref="DocumentWriter.ReadGeneration"/>,
    /// read inside the search's read transaction) is <paramref name="generation"/>.
    /// </summary>
    public T Get(SqliteConnection connection, long generation)
    {
        long invalidations = Interlocked.Read(ref _invalidations);
        lock (_lock)
        {
            if (_cached is { } cached && cached.Invalidations == invalidations && cached.Generation == generation) return cached.Value;
            var value = load(connection);
            _cached = (invalidations, generation, value);
            return value;
        }
    }
}
