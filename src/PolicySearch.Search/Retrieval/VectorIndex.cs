using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace PolicySearch.Search.Retrieval;

/// <summary>
/// All passage vectors in one contiguous array, scanned exactly: a dot product per passage with
/// TensorPrimitives (vectors are unit length, so that is the cosine) and a bounded heap for the top k.
/// </summary>
internal sealed class VectorIndex
{
    private readonly long[] _ids;
    private readonly float[] _vectors;

    private VectorIndex(long[] ids, float[] vectors, int dimensions)
    {
        _ids = ids;
        _vectors = vectors;
        Dimensions = dimensions;
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
        var ids = new List<long>(count);
        var vectors = new float[(long)count * dimensions];
        command.CommandText = "SELECT passage_id, vector FROM passage_vectors ORDER BY passage_id";
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var blob = (byte[])reader.GetValue(1);
                if (blob.Length != dimensions * sizeof(float) || ids.Count == count) continue;
                MemoryMarshal.Cast<byte, float>(blob).CopyTo(vectors.AsSpan(ids.Count * dimensions, dimensions));
                ids.Add(reader.GetInt64(0));
            }
        }
        return new VectorIndex([.. ids], vectors.AsSpan(0, ids.Count * dimensions).ToArray(), dimensions);
    }

    /// <summary>The <paramref name="k"/> passages nearest to <paramref name="query"/> among those <paramref name="allowed"/> (null: all).</summary>
    public List<RankedPassage> Nearest(ReadOnlySpan<float> query, int k, PassageSet? allowed)
    {
        if (query.Length != Dimensions || k <= 0 || Count == 0) return [];
        var heap = new PriorityQueue<long, float>(k + 1);
        for (int i = 0; i < _ids.Length; i++)
        {
            if (allowed is not null && !allowed.Contains(_ids[i])) continue;
            float similarity = TensorPrimitives.Dot(query, new ReadOnlySpan<float>(_vectors, i * Dimensions, Dimensions));
            if (heap.Count < k) heap.Enqueue(_ids[i], similarity);
            else if (heap.TryPeek(out _, out float worst) && similarity > worst) heap.EnqueueDequeue(_ids[i], similarity);
        }
        var result = new List<RankedPassage>(heap.Count);
        while (heap.TryDequeue(out long id, out float similarity)) result.Add(new RankedPassage(id, similarity));
        result.Reverse();
        return result;
    }
}
