using System.Numerics.Tensors;

namespace PolicySearch.Embeddings.Local;

/// <summary>
/// A row-compressed sparse matrix (rows = passages, columns = features) with the two products SVD needs.
/// <paramref name="columns"/> and <paramref name="values"/> may be longer than the <paramref name="rowStart"/>[^1] entries used.
/// </summary>
internal sealed class SparseMatrix(int rowCount, int columnCount, int[] rowStart, int[] columns, float[] values)
{
    public int RowCount => rowCount;
    public int ColumnCount => columnCount;

    /// <summary>this × <paramref name="dense"/> (ColumnCount × width, row-major) → <paramref name="result"/> (RowCount × width).</summary>
    public void Multiply(float[] dense, int width, float[] result)
    {
        Array.Clear(result);
        // Each output row is written by one thread in a fixed order, so the result is deterministic.
        Parallel.For(0, rowCount, row =>
        {
            Span<float> target = result.AsSpan(row * width, width);
            for (int p = rowStart[row]; p < rowStart[row + 1]; p++)
                TensorPrimitives.MultiplyAdd(dense.AsSpan(columns[p] * width, width), values[p], target, target);
        });
    }

    /// <summary>thisᵀ × <paramref name="dense"/> (RowCount × width, row-major) → <paramref name="result"/> (ColumnCount × width).</summary>
    public void TransposeMultiply(float[] dense, int width, float[] result)
    {
        Array.Clear(result);
        // Rows scatter into shared output rows, so threads split the width instead: each owns a band of output columns
        // and adds the rows in the same order as one thread would, so the result is deterministic. Bands start on
        // multiples of 16 floats, so each element takes the same (vector or scalar) path whatever the band count.
        int bandWidth = (width / Math.Clamp(width / 16, 1, Environment.ProcessorCount) + 15) / 16 * 16;
        Parallel.For(0, (width + bandWidth - 1) / bandWidth, band =>
        {
            int from = band * bandWidth, length = Math.Min(bandWidth, width - from);
            for (int row = 0; row < rowCount; row++)
            {
                ReadOnlySpan<float> source = dense.AsSpan(row * width + from, length);
                for (int p = rowStart[row]; p < rowStart[row + 1]; p++)
                {
                    Span<float> target = result.AsSpan(columns[p] * width + from, length);
                    TensorPrimitives.MultiplyAdd(source, values[p], target, target);
                }
            }
        });
    }
}
