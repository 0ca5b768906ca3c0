using System.Net;
using System.Text;
using System.Text.Json;

namespace PolicySearch.Search.Tests.Embedding;

/// <summary>
/// An in-process OpenAI-compatible embeddings endpoint (the HTTP client itself is tested against Kestrel in
/// the Embeddings tests): each input gets a vector derived from its words; <see cref="FailAfter"/> makes later
/// requests fail.
/// </summary>
internal sealed class FakeEmbeddingServer : HttpMessageHandler
{
    public const int Dimensions = 16;

    public int Requests { get; private set; }

    /// <summary>Requests after this many answer 401.</summary>
    public int FailAfter { get; set; } = int.MaxValue;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests++;
        if (Requests > FailAfter)
            return new HttpResponseMessage(HttpStatusCode.Unauthorized) { Content = new StringContent("""{"error":{"message":"key revoked"}}""") };
        using JsonDocument body = JsonDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken));
        var data = body.RootElement.GetProperty("input").EnumerateArray()
            .Select((input, index) => new { index, embedding = Vector(input.GetString()!) });
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(JsonSerializer.Serialize(new { data, model = "fake-embed" }), Encoding.UTF8, "application/json"),
        };
    }

    /// <summary>A bag of hashed lower-cased words: texts sharing words are similar.</summary>
    private static float[] Vector(string text)
    {
        var vector = new float[Dimensions];
        foreach (string word in text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
            vector[(int)((uint)word.GetHashCode(StringComparison.Ordinal) % Dimensions)] += 1;
        vector[0] += 0.01f;
        return vector;
    }
}
