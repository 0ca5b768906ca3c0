using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PolicySearch.Search.Retrieval;

/// <summary>
/// An int8 copy of the passage vectors (one scale per vector) for a fast first pass, with a bound on its error:
/// <see cref="Estimate"/> never differs from the real dot product of the float vectors by more than the error it
/// returns. A quarter of the float bytes and integer SIMD make the pass several times faster than the float scan.
/// </summary>
internal sealed class QuantizedVectors
{
    private const float Levels = 127;

    private readonly sbyte[] _rows;
    private readonly float[] _scales;
    private readonly float[] _residualNorms;
    private readonly float _maxNorm;

    private QuantizedVectors(sbyte[] rows, int stride, float[] scales, float[] residualNorms, float maxNorm)
    {
        _rows = rows;
        Stride = stride;
        _scales = scales;
        _residualNorms = residualNorms;
        _maxNorm = maxNorm;
    }

    /// <summary>Row length in the int8 array: the dimensions padded with zeros to whole SIMD registers.</summary>
    public int Stride { get; }

    /// <summary>Quantises <paramref name="count"/> vectors of <paramref name="dimensions"/> floats stored one after another.</summary>
    public static QuantizedVectors Quantize(ReadOnlySpan<float> vectors, int count, int dimensions)
    {
        int stride = PaddedLength(dimensions);
        var rows = new sbyte[(long)count * stride];
        var scales = new float[count];
        var residualNorms = new float[count];
        var levels = new float[dimensions];
        var error = new float[dimensions];
        float maxNorm = 0;
        for (int i = 0; i < count; i++)
        {
            var vector = vectors.Slice(i * dimensions, dimensions);
            float norm = TensorPrimitives.Norm(vector);
            if (!float.IsFinite(norm))
            {
                // Nothing is known about such a vector's score: an infinite error makes it a candidate of every query.
                residualNorms[i] = float.PositiveInfinity;
                continue;
            }
            maxNorm = MathF.Max(maxNorm, norm);
            (scales[i], residualNorms[i]) = Quantize(vector, levels, error);
            TensorPrimitives.ConvertSaturating<float, sbyte>(levels, rows.AsSpan(i * stride, dimensions));
        }
        return new QuantizedVectors(rows, stride, scales, residualNorms, maxNorm);
    }

    /// <summary>The query in the form <see cref="Estimate"/> takes, with the query's share of the error bound.</summary>
    public QuantizedQuery Prepare(ReadOnlySpan<float> query)
    {
        var levels = new float[query.Length];
        (float scale, float residualNorm) = Quantize(query, levels, new float[query.Length]);
        var widened = new short[Stride];
        TensorPrimitives.ConvertSaturating<float, short>(levels, widened);
        // |q·v − estimate| ≤ ‖q̂‖·‖v − v̂‖ + ‖q − q̂‖·‖v‖ (q̂, v̂: the dequantised vectors), plus float rounding in the
        // exact score, the estimate and these norms, which is below n·2⁻²⁴·‖q‖·‖v‖ for n dimensions (Higham) and
        // well inside the slack n·10⁻⁶·(‖q‖·‖v‖ + 1).
        float norm = TensorPrimitives.Norm(query);
        float fixedError = float.IsFinite(norm)
            ? residualNorm * _maxNorm + query.Length * 1e-6f * (norm * _maxNorm + 1)
            : float.PositiveInfinity;
        return new QuantizedQuery(widened, scale, scale * TensorPrimitives.Norm(levels), fixedError);
    }

    /// <summary>
    /// For the rows from <paramref name="first"/> on, as many as <paramref name="estimates"/> holds: the dot product with
    /// the query, approximately, and the most each estimate can be off. A block at a time keeps the loop free of calls.
    /// </summary>
    public void Estimate(int first, QuantizedQuery query, Span<float> estimates, Span<float> errors)
    {
        int count = estimates.Length;
        ReadOnlySpan<sbyte> rows = _rows.AsSpan(first * Stride, count * Stride);
        ReadOnlySpan<float> scales = _scales.AsSpan(first, count);
        ReadOnlySpan<short> values = query.Values;
        float scale = query.Scale;
        for (int i = 0; i < count; i++)
            estimates[i] = scale * scales[i] * Dot(rows.Slice(i * Stride, Stride), values);
        TensorPrimitives.Multiply(_residualNorms.AsSpan(first, count), query.QuantisedNorm, errors);
        TensorPrimitives.Add(errors, query.FixedError, errors);
    }

    /// <summary>
    /// Integer dot product of an int8 row and an int8 query widened to 16 bits, in hardware-sized SIMD registers.
    /// Two products of values in [−127, 127] sum to at most 32,258, so they are added in 16 bits before widening.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Dot(ReadOnlySpan<sbyte> row, ReadOnlySpan<short> query)
    {
        ref sbyte rowStart = ref MemoryMarshal.GetReference(row);
        ref short queryStart = ref MemoryMarshal.GetReference(query);
        var sum = Vector<int>.Zero;
        for (int offset = 0; offset < row.Length; offset += Vector<sbyte>.Count)
        {
            Vector.Widen(Vector.LoadUnsafe(ref rowStart, (nuint)offset), out var low, out var high);
            var products = low * Vector.LoadUnsafe(ref queryStart, (nuint)offset)
                + high * Vector.LoadUnsafe(ref queryStart, (nuint)(offset + Vector<short>.Count));
            Vector.Widen(products, out var first, out var second);
            sum += first + second;
        }
        return Vector.Sum(sum);
    }

    /// <summary>
    /// Rounds <paramref name="vector"/> to whole <paramref name="levels"/> in [−127, 127] times a scale; returns the
    /// scale and the norm of the rounding error (computed in <paramref name="error"/>).
    /// </summary>
    private static (float Scale, float ResidualNorm) Quantize(ReadOnlySpan<float> vector, Span<float> levels, Span<float> error)
    {
        float largest = MathF.Abs(TensorPrimitives.MaxMagnitude(vector));
        if (largest == 0 || !float.IsFinite(largest))
        {
            levels.Clear();
            return (0, 0);
        }
        float scale = largest / Levels;
        TensorPrimitives.Divide(vector, scale, levels);
        TensorPrimitives.Round(levels, levels);
        TensorPrimitives.Clamp(levels, -Levels, Levels, levels);
        TensorPrimitives.FusedMultiplyAdd(levels, -scale, vector, error);
        return (scale, TensorPrimitives.Norm(error));
    }

    private static int PaddedLength(int dimensions) =>
        (dimensions + Vector<sbyte>.Count - 1) / Vector<sbyte>.Count * Vector<sbyte>.Count;
}

/// <summary>A query prepared by <see cref="QuantizedVectors.Prepare"/>.</summary>
internal sealed record QuantizedQuery(short[] Values, float Scale, float QuantisedNorm, float FixedError);
