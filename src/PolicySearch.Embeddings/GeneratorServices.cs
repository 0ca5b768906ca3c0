using Microsoft.Extensions.AI;

namespace PolicySearch.Embeddings;

/// <summary>The <c>GetService</c> rules shared by this project's generators (M.E.AI convention: unkeyed only).</summary>
internal static class GeneratorServices
{
    public static object? Find(Type serviceType, object? serviceKey, EmbeddingGeneratorMetadata metadata, params object[] services)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
            return null;
        if (serviceType == typeof(EmbeddingGeneratorMetadata))
            return metadata;
        return services.FirstOrDefault(serviceType.IsInstanceOfType);
    }
}
