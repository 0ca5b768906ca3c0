using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using PolicySearch.Search.Retrieval;

namespace PolicySearch.Search.Tests.Retrieval;

/// <summary>
/// The two-pass vector search (int8 first pass, float re-scoring) against a brute-force float scan of every passage:
/// the results must be the same passages with the same scores in the same order.
/// </summary>
public sealed class VectorIndexTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"policysearch-vectors-{Guid.NewGuid():N}.db");

    public static TheoryData<string, int> Shapes => new()
    {
        { "clustered", 128 },
        { "clustered", 37 },
        { "dominant", 128 },
        { "uniform", 64 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Nearest_is_the_exact_top_k_of_a_float_scan(string shape, int dimensions)
    {
        var random = new Random(dimensions);
        var passages = Generate(shape, 4000, dimensions, random);
        var index = Store(passages);

        foreach (float[] query in Queries(shape, dimensions, passages, random))
            foreach (int k in new[] { 1, 10, 100 })
                Assert.Equal(BruteForce(passages, query, k, allowed: null), index.Nearest(query, k, allowed: null));
    }

    [Fact]
    public void Nearest_ranks_only_allowed_passages_exactly()
    {
        var random = new Random(7);
        var passages = Generate("clustered", 4000, 128, random);
        var index = Store(passages);

        foreach (double share in new[] { 0.5, 0.01, 0.001 })
        {
            var allowed = new PassageSet((int)passages.Keys.Max() + 1);
            foreach (long id in passages.Keys.Where(_ => random.NextDouble() < share)) allowed.Add(id);
            foreach (float[] query in Queries("clustered", 128, passages, random).Take(10))
            {
                var nearest = index.Nearest(query, 100, allowed);
                Assert.Equal(BruteForce(passages, query, 100, allowed), nearest);
                Assert.Equal(Math.Min(100, allowed.Count), nearest.Count);
            }
        }
    }

    [Fact]
    public void Equal_vectors_rank_in_passage_id_order()
    {
        var random = new Random(3);
        var vector = Unit(Gaussian(128, random));
        var passages = Enumerable.Range(1, 50).ToDictionary(id => (long)id * 7 % 50 + 1, _ => vector);
        var index = Store(passages);

        var nearest = index.Nearest(vector, 10, allowed: null);

        Assert.Equal(Enumerable.Range(1, 10).Select(id => (long)id), nearest.Select(n => n.PassageId));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void The_int8_estimate_is_within_its_error_bound(string shape, int dimensions)
    {
        var random = new Random(11);
        var passages = Generate(shape, 2000, dimensions, random).Values.ToArray();
        var quantized = QuantizedVectors.Quantize(passages.SelectMany(v => v).ToArray(), passages.Length, dimensions);

        foreach (float[] query in Queries(shape, dimensions, passages.Select((v, i) => (v, i)).ToDictionary(p => (long)p.i, p => p.v), random))
        {
            var prepared = quantized.Prepare(query);
            var estimates = new float[passages.Length - 1];
            var errors = new float[estimates.Length];
            quantized.Estimate(1, prepared, estimates, errors);
            for (int i = 0; i < estimates.Length; i++)
            {
                float exact = TensorPrimitives.Dot(query, passages[i + 1]);
                Assert.True(Math.Abs(exact - estimates[i]) <= errors[i], $"row {i + 1}: exact {exact}, estimate {estimates[i]} ± {errors[i]}");
                Assert.True(errors[i] < 0.1f, $"row {i + 1}: the bound ±{errors[i]} is too loose to prune anything");
            }
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (string suffix in new[] { "", "-wal", "-shm" }) File.Delete(_path + suffix);
    }

    /// <summary>
    /// Unit vectors: "clustered" around a few centres (many near-equal scores), "dominant" with one large component
    /// (a coarse int8 scale for the rest), "uniform" random directions; a few exact duplicates and a zero vector.
    /// </summary>
    private static Dictionary<long, float[]> Generate(string shape, int count, int dimensions, Random random)
    {
        var centres = Enumerable.Range(0, 8).Select(_ => Unit(Gaussian(dimensions, random))).ToArray();
        var passages = new Dictionary<long, float[]>();
        for (int i = 0; i < count; i++)
        {
            var noise = Gaussian(dimensions, random);
            float[] vector = shape switch
            {
                "clustered" => Unit(centres[i % centres.Length].Zip(noise, (c, n) => c + 0.3f * n / MathF.Sqrt(dimensions)).ToArray()),
                "dominant" => Unit([10f, .. noise.Skip(1)]),
                _ => Unit(noise),
            };
            // Sparse, non-consecutive ids, as after deletions.
            passages[3L * i + 5] = vector;
        }
        foreach (long id in passages.Keys.Take(20).ToList()) passages[id + 1] = passages[id];
        passages[1] = new float[dimensions];
        return passages;
    }

    private static IEnumerable<float[]> Queries(string shape, int dimensions, Dictionary<long, float[]> passages, Random random)
    {
        for (int i = 0; i < 10; i++) yield return Unit(Gaussian(dimensions, random));
        foreach (float[] vector in passages.Values.Skip(100).Take(10))
            yield return Unit(vector.Select(x => x + 0.01f * (float)random.NextDouble()).ToArray());
        if (shape == "dominant") yield return Unit([-1f, .. Gaussian(dimensions - 1, random)]);
    }

    private static List<RankedPassage> BruteForce(Dictionary<long, float[]> passages, float[] query, int k, PassageSet? allowed) =>
        passages
            .Where(p => allowed is null || allowed.Contains(p.Key))
            .Select(p => new RankedPassage(p.Key, TensorPrimitives.Dot(query, p.Value)))
            .OrderByDescending(r => r.Score).ThenBy(r => r.PassageId)
            .Take(k)
            .ToList();

    private VectorIndex Store(Dictionary<long, float[]> passages)
    {
        using var connection = new SqliteConnection($"Data Source={_path}");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE passage_vectors(passage_id INTEGER PRIMARY KEY, vector BLOB NOT NULL)";
        command.ExecuteNonQuery();
        command.CommandText = "INSERT INTO passage_vectors(passage_id, vector) VALUES ($id, $vector)";
        var id = command.Parameters.Add("$id", SqliteType.Integer);
        var blob = command.Parameters.Add("$vector", SqliteType.Blob);
        foreach (var (passageId, vector) in passages)
        {
            id.Value = passageId;
            blob.Value = MemoryMarshal.AsBytes(vector.AsSpan()).ToArray();
            command.ExecuteNonQuery();
        }
        transaction.Commit();
        return VectorIndex.Load(connection);
    }

    private static float[] Gaussian(int dimensions, Random random) =>
        Enumerable.Range(0, dimensions)
            .Select(_ => (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())))
            .ToArray();

    private static float[] Unit(float[] vector)
    {
        float norm = TensorPrimitives.Norm(vector);
        return norm == 0 ? vector : vector.Select(x => x / norm).ToArray();
    }
}
