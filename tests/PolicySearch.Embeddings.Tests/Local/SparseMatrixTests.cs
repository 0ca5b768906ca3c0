using PolicySearch.Embeddings.Local;

namespace PolicySearch.Embeddings.Tests.Local;

public sealed class SparseMatrixTests
{
    [Theory]
    [InlineData(5)]
    [InlineData(16)]
    [InlineData(138)]
    public void Products_equal_the_dense_products_for_any_width(int width)
    {
        var random = new Random(width);
        const int rows = 30, columns = 50;
        var dense = new float[rows, columns];
        var rowStart = new int[rows + 1];
        var indices = new List<int>();
        var values = new List<float>();
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
                if (random.Next(4) == 0)
                {
                    dense[r, c] = random.Next(1, 9);
                    indices.Add(c);
                    values.Add(dense[r, c]);
                }
            rowStart[r + 1] = indices.Count;
        }
        // Spare capacity past the last row, as training leaves it, must be ignored.
        var matrix = new SparseMatrix(rows, columns, rowStart, [.. indices, 0, 0], [.. values, 7f, 7f]);
        float[] right = Enumerable.Range(0, columns * width).Select(_ => (float)random.Next(-4, 5)).ToArray();
        float[] left = Enumerable.Range(0, rows * width).Select(_ => (float)random.Next(-4, 5)).ToArray();

        // Buffers start dirty: a product overwrites what they held.
        float[] product = Enumerable.Repeat(9f, rows * width).ToArray();
        float[] transposed = Enumerable.Repeat(9f, columns * width).ToArray();
        matrix.Multiply(right, width, product);
        matrix.TransposeMultiply(left, width, transposed);

        for (int r = 0; r < rows; r++)
            for (int w = 0; w < width; w++)
                Assert.Equal(Enumerable.Range(0, columns).Sum(c => dense[r, c] * right[c * width + w]), product[r * width + w]);
        for (int c = 0; c < columns; c++)
            for (int w = 0; w < width; w++)
                Assert.Equal(Enumerable.Range(0, rows).Sum(r => dense[r, c] * left[r * width + w]), transposed[c * width + w]);
    }
}
