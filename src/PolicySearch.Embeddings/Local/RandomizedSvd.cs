using System.Numerics.Tensors;

namespace PolicySearch.Embeddings.Local;

/// <summary>
/// Truncated SVD by randomized range finding with power iterations (Halko, Martinsson and Tropp 2011):
/// a seeded Gaussian sketch of the column space, refined by multiplying with XXᵀ, then an exact
/// eigen-decomposition of the small projected matrix. Deterministic for the same input and seed.
/// </summary>
internal static class RandomizedSvd
{
    private const int Oversampling = 10;

    /// <summary>
    /// The top <paramref name="rank"/> right singular vectors of <paramref name="matrix"/> as a
    /// ColumnCount × rank row-major matrix, so that x·V gives a passage's latent coordinates (uΣ).
    /// Columns beyond the matrix's numerical rank are zero.
    /// </summary>
    public static float[] RightSingularVectors(SparseMatrix matrix, int rank, int powerIterations, int seed)
    {
        int m = matrix.ColumnCount;
        int width = Math.Min(rank + Oversampling, Math.Min(matrix.RowCount, m));
        var projection = new float[(long)m * rank];
        if (width == 0)
            return projection;

        // One feature-side and two passage-side buffers serve every product: on a big corpus each is tens of MB,
        // and fresh ones per iteration pile up as garbage until a full collection.
        float[] features = Gaussian(m, width, seed);
        var q = new float[(long)matrix.RowCount * width];
        var scratch = new float[q.Length];
        matrix.Multiply(features, width, q);
        Orthonormalize(q, matrix.RowCount, width, scratch);
        // Subspace iteration: Q ← orth(X Xᵀ Q). Orthonormalizing only the passage side (rows) is enough for a few
        // iterations, and far cheaper than also doing the feature side, which has many times more rows.
        for (int i = 0; i < powerIterations; i++)
        {
            matrix.TransposeMultiply(q, width, features);
            matrix.Multiply(features, width, q);
            Orthonormalize(q, matrix.RowCount, width, scratch);
        }

        // B = Qᵀ X is small (width × m); keep it transposed (m × width). BBᵀ = Wᵀ Λ W gives V = Bᵀ W Σ⁻¹.
        float[] bt = features;
        matrix.TransposeMultiply(q, width, bt);
        float[] columns = Transpose(bt, m, width);
        var gram = new double[width, width];
        for (int a = 0; a < width; a++)
            for (int b = a; b < width; b++)
                gram[a, b] = gram[b, a] = TensorPrimitives.Dot(columns.AsSpan(a * m, m), columns.AsSpan(b * m, m));
        (double[] eigenvalues, double[,] eigenvectors) = SymmetricEigen.Decompose(gram);

        double largest = Math.Max(eigenvalues[0], 0);
        var coefficients = new float[width];
        for (int c = 0; c < Math.Min(rank, width); c++)
        {
            double sigma = Math.Sqrt(Math.Max(eigenvalues[c], 0));
            if (sigma <= 1e-6 * Math.Sqrt(largest))
                break;
            for (int a = 0; a < width; a++)
                coefficients[a] = (float)(eigenvectors[a, c] / sigma);
            for (int row = 0; row < m; row++)
                projection[(long)row * rank + c] = TensorPrimitives.Dot(bt.AsSpan(row * width, width), coefficients);
        }
        return projection;
    }

    private static float[] Gaussian(int rows, int width, int seed)
    {
        var random = new Random(seed);
        var result = new float[(long)rows * width];
        for (int i = 0; i < result.Length; i++)
        {
            // Box–Muller; 1 - NextDouble() avoids log(0).
            double u = 1 - random.NextDouble(), v = random.NextDouble();
            result[i] = (float)(Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v));
        }
        return result;
    }

    /// <summary>Modified Gram–Schmidt on the columns of a rows × width row-major matrix, in place (<paramref name="columns"/>: same size, scratch).</summary>
    private static void Orthonormalize(float[] matrix, int rows, int width, float[] columns)
    {
        Transpose(matrix, rows, width, columns);
        for (int c = 0; c < width; c++)
        {
            Span<float> column = columns.AsSpan(c * rows, rows);
            // Two passes keep the basis orthogonal in single precision.
            for (int pass = 0; pass < 2; pass++)
                for (int prior = 0; prior < c; prior++)
                {
                    ReadOnlySpan<float> basis = columns.AsSpan(prior * rows, rows);
                    TensorPrimitives.MultiplyAdd(basis, -TensorPrimitives.Dot(column, basis), column, column);
                }
            float norm = TensorPrimitives.Norm(column);
            if (norm > 1e-10f)
                TensorPrimitives.Divide(column, norm, column);
            else
                column.Clear();
        }
        Transpose(columns, width, rows, matrix);
    }

    private static float[] Transpose(float[] source, int rows, int width, float[]? target = null)
    {
        target ??= new float[source.Length];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < width; c++)
                target[(long)c * rows + r] = source[(long)r * width + c];
        return target;
    }
}
