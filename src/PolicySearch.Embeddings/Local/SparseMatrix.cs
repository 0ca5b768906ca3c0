using System.Numerics.Tensors;

namespace PolicySearch.Embeddings.Local;

/// <summary>A row-compressed sparse matrix (rows = passages, columns = features) with the two products SVD needs.</summary>
internal sealed class SparseMatrix(int rowCount, int columnCount, int[] rowStart, int[] columns, float[] values)
{
    public int RowCount => rowCount;
    public int ColumnCount => columnCount;
    public long NonZeroCount => values.LongLength;

    /// <summary>this × <paramref name="dense"/> (ColumnCount × width, row-major) → RowCount × width.</summary>
    public float[] Multiply(float[] dense, int width)
    {
        var result = new float[(long)rowCount * width];
        // Each output row is written by one thread in a fixed order, so the result is deterministic.
        Parallel.For(0, rowCount, row =>
        {
            Span<float> target = result.AsSpan(row * width, width);
            for (int p = rowStart[row]; p < rowStart[row + 1]; p++)
                TensorPrimitives.MultiplyAdd(dense.AsSpan(columns[p] * width, width), values[p], target, target);
        });
        return result;
    }

    /// <summary>thisᵀ × <paramref name="dense"/> (RowCount × width, row-major) → ColumnCount × width.</summary>
    public float[] TransposeMultiply(float[] dense, int width)
    {
        var result = new float[(long)columnCount * width];
        for (int row = 0; row < rowCount; row++)
        {
            ReadOnlySpan<float> source = dense.AsSpan(row * width, width);
            for (int p = rowStart[row]; p < rowStart[row + 1]; p++)
            {
                Span<float> target = result.AsSpan(columns[p] * width, width);
                TensorPrimitives.MultiplyAdd(source, values[p], target, target);
            }
        }
        return result;
    }
}
