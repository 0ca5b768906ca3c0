using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace PolicySearch.Search.Retrieval;

/// <summary>
/// All passage vectors in one contiguous array, searched exactly in two passes. The first scans an int8 copy
/// (<see cref="QuantizedVectors"/>) and keeps every passage whose score bound could still reach the k best; the second
/// scores those candidates with the float vectors (one TensorPrimitives dot product each; vectors are unit length, so
/// that is the cosine). The bound makes the result the exact cosine top k, the same as scoring every passage in float.
/// </summary>
internal sealed class VectorIndex
{
    private readonly long[] _ids;
    private readonly float[] _vectors;
    private readonly QuantizedVectors _quantized;

    private VectorIndex(long[] ids, float[] vectors, int dimensions)
    {
        _ids = ids;
        _vectors = vectors;
        Dimensions = dimensions;
        _quantized = QuantizedVectors.Quantize(vectors, ids.Length, dimensions);
    }

    public int Dimensions { get; }

    public int Count => _ids.Length;

    public static VectorIndex Load(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*), max(length(vector)) FROM passage_vectors";
        int count, dimensions;
        using (var reader = command.ExecuteReader())
        {
            reader.Read();
            count = reader.GetInt32(0);
            dimensions = reader.IsDBNull(1) ? 0 : reader.GetInt32(1) / sizeof(float);
        }
        var ids = new long[count];
        var vectors = new float[(long)count * dimensions];
        int loaded = 0;
        command.CommandText = "SELECT passage_id, vector FROM passage_vectors ORDER BY passage_id";
        using (var reader = command.ExecuteReader())
        {
            while (loaded < count && reader.Read())
            {
                var blob = (byte[])reader.GetValue(1);
                if (blob.Length != dimensions * sizeof(float)) continue;
                MemoryMarshal.Cast<byte, float>(blob).CopyTo(vectors.AsSpan(loaded * dimensions, dimensions));
                ids[loaded++] = reader.GetInt64(0);
            }
        }
        // Rows of another length are skipped; only then are the arrays trimmed, which copies them.
        return loaded == count
            ? new VectorIndex(ids, vectors, dimensions)
            : new VectorIndex(ids[..loaded], vectors[..(loaded * dimensions)], dimensions);
    }

    // Reused by each thread's queries (Nearest is synchronous): a query keeps thousands of candidates.
    [ThreadStatic] private static List<(int Row, float UpperBound)>? t_candidates;
    [ThreadStatic] private static List<(float Similarity, long Id)>? t_scored;

    /// <summary>
    /// The <paramref name="k"/> passages nearest to <paramref name="query"/> among those <paramref name="allowed"/> (null: all),
    /// most similar first; equal similarities in passage id order.
    /// </summary>
    public List<RankedPassage> Nearest(ReadOnlySpan<float> query, int k, PassageSet? allowed)
    {
        if (query.Length != Dimensions || k <= 0 || Count == 0) return [];
        var candidates = Candidates(query, k, allowed, out float threshold);
        var scored = t_scored ??= [];
        scored.Clear();
        foreach ((int row, float upperBound) in candidates)
        {
            if (upperBound < threshold) continue;
            scored.Add((TensorPrimitives.Dot(query, new ReadOnlySpan<float>(_vectors, row * Dimensions, Dimensions)), _ids[row]));
        }
        // Descending similarity (NaN last), then ascending id: the same order whatever the scan visited first.
        scored.Sort(static (a, b) => b.Similarity.CompareTo(a.Similarity) is var bySimilarity and not 0 ? bySimilarity : a.Id.CompareTo(b.Id));
        return scored.Take(k).Select(s => new RankedPassage(s.Id, s.Similarity)).ToList();
    }

    /// <summary>
    /// First pass: every allowed row whose upper bound reached the k-th best lower bound seen so far, with that upper
    /// bound. The k-th best lower bound never exceeds the k-th best exact score, so no row of the exact top k is missed.
    /// </summary>
    private List<(int Row, float UpperBound)> Candidates(ReadOnlySpan<float> query, int k, PassageSet? allowed, out float threshold)
    {
        const int Block = 256;
        var prepared = _quantized.Prepare(query);
        Span<float> estimates = stackalloc float[Block], errors = stackalloc float[Block];
        var lowerBounds = new PriorityQueue<int, float>(k + 1);
        var candidates = t_candidates ??= [];
        candidates.Clear();
        float kthLowerBound = float.NegativeInfinity;
        for (int first = 0; first < _ids.Length; first += Block)
        {
            int count = Math.Min(Block, _ids.Length - first);
            _quantized.Estimate(first, prepared, estimates[..count], errors[..count]);
            for (int i = 0; i < count; i++)
            {
                float upper = estimates[i] + errors[i];
                // A NaN bound compares false and keeps the row: its exact score decides.
                if (upper < kthLowerBound) continue;
                int row = first + i;
                // The filter is asked only about rows that could rank, a small fraction of all.
                if (allowed is not null && !allowed.Contains(_ids[row])) continue;
                candidates.Add((row, upper));
                float lower = estimates[i] - errors[i];
                if (lowerBounds.Count < k) lowerBounds.Enqueue(row, lower);
                else if (lower > kthLowerBound) lowerBounds.EnqueueDequeue(row, lower);
                else continue;
                if (lowerBounds.Count == k) lowerBounds.TryPeek(out _, out kthLowerBound);
            }
        }
        threshold = kthLowerBound;
        return candidates;
    }
}
