using System.Numerics.Tensors;

namespace PolicySearch.Search;

/// <summary>Vectors are stored unit-length, so cosine similarity is a dot product.</summary>
internal static class VectorMath
{
    public static ReadOnlyMemory<float> Normalised(ReadOnlyMemory<float> vector)
    {
        float norm = TensorPrimitives.Norm(vector.Span);
        if (norm == 0 || float.IsNaN(norm)) return vector;
        var result = new float[vector.Length];
        TensorPrimitives.Divide(vector.Span, norm, result);
        return result;
    }
}
