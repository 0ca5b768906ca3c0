using System.Text.Json.Serialization;

namespace PolicySearch.Embeddings.OpenAI;

/// <summary>The request body of <c>POST /v1/embeddings</c>.</summary>
internal sealed record EmbeddingsRequest(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("input")] IReadOnlyList<string> Input);

[JsonSerializable(typeof(EmbeddingsRequest))]
internal sealed partial class EmbeddingsJson : JsonSerializerContext;
