using Microsoft.Extensions.AI;
using PolicySearch.Embeddings.OpenAI;

namespace PolicySearch.Embeddings.Tests.OpenAI;

public sealed class OpenAIEmbeddingGeneratorTests : IAsyncLifetime
{
    private EmbeddingServer _server = null!;

    public async Task InitializeAsync() => _server = await EmbeddingServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Embeds_in_batches_and_places_vectors_by_index()
    {
        using OpenAIEmbeddingGenerator generator = Create(batchSize: 2);
        string[] inputs = ["kameraövervakning", "sociala insatsgrupper", "klotter", "trygghetsfond", "SIG"];

        GeneratedEmbeddings<Embedding<float>> embeddings = await generator.GenerateAsync(inputs);

        Assert.Equal(inputs.Select(_server.VectorFor), embeddings.Select(e => e.Vector.ToArray()));
        Assert.Equal([2, 2, 1], _server.Requests.Select(r => r.Inputs.Length));
        Assert.All(_server.Requests, r => Assert.Equal("test-embed", r.Model));
        Assert.Equal(5, embeddings.Usage?.InputTokenCount);
    }

    [Fact]
    public async Task Sends_the_api_key_as_a_bearer_token()
    {
        using OpenAIEmbeddingGenerator generator = Create(apiKey: "sk-test");

        await generator.GenerateAsync(["klotter"]);

        Assert.Equal("Bearer sk-test", Assert.Single(_server.Requests).Authorization);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/v1")]
    [InlineData("/v1/")]
    [InlineData("/v1/embeddings")]
    public async Task Base_url_works_with_and_without_v1(string suffix)
    {
        using OpenAIEmbeddingGenerator generator = Create(baseUrl: _server.BaseUrl + suffix);

        GeneratedEmbeddings<Embedding<float>> embeddings = await generator.GenerateAsync(["klotter"]);

        Assert.Equal(_server.VectorFor("klotter"), embeddings[0].Vector.ToArray());
    }

    [Fact]
    public async Task Retries_after_429_honouring_retry_after()
    {
        _server.Fail(429, """{"error":{"message":"Rate limit reached"}}""", ("Retry-After", "1"));
        using OpenAIEmbeddingGenerator generator = Create(backoff: TimeSpan.FromMilliseconds(1));

        GeneratedEmbeddings<Embedding<float>> embeddings = await generator.GenerateAsync(["klotter"]);

        Assert.Equal(_server.VectorFor("klotter"), embeddings[0].Vector.ToArray());
        EmbeddingServer.RecordedRequest[] requests = [.. _server.Requests];
        Assert.Equal(2, requests.Length);
        // The backoff alone would retry after 1 ms; Retry-After asked for a second.
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromSeconds(0.9), $"retried after {requests[1].At - requests[0].At}");
    }

    [Fact]
    public async Task Retries_after_a_server_error()
    {
        _server.Fail(500, "upstream exploded");
        _server.Fail(503);

        GeneratedEmbeddings<Embedding<float>> embeddings = await Create().GenerateAsync(["klotter"]);

        Assert.Equal(_server.VectorFor("klotter"), embeddings[0].Vector.ToArray());
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task Gives_up_after_the_last_attempt_with_the_servers_message()
    {
        for (int i = 0; i < 3; i++)
            _server.Fail(503, """{"error":{"message":"model is loading"}}""");
        using OpenAIEmbeddingGenerator generator = Create(maxAttempts: 3);

        var error = await Assert.ThrowsAsync<EmbeddingException>(() => generator.GenerateAsync(["klotter"]));

        Assert.Equal(EmbeddingFailure.ServerUnavailable, error.Failure);
        Assert.Contains("model is loading", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task A_wrong_key_is_reported_without_retrying()
    {
        _server.Fail(401, """{"error":{"message":"Incorrect API key provided"}}""");
        using OpenAIEmbeddingGenerator generator = Create(apiKey: "wrong");

        var error = await Assert.ThrowsAsync<EmbeddingException>(() => generator.GenerateAsync(["klotter"]));

        Assert.Equal(EmbeddingFailure.Unauthorized, error.Failure);
        Assert.Contains("Incorrect API key provided", error.Message, StringComparison.Ordinal);
        Assert.Contains(OpenAIEmbeddingGenerator.ApiKeyEnvironmentVariable, error.Message, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task An_unknown_model_is_reported()
    {
        _server.Fail(404, """{"error":"model \"nomic\" not found, try pulling it first"}""");
        using OpenAIEmbeddingGenerator generator = Create();

        var error = await Assert.ThrowsAsync<EmbeddingException>(() => generator.GenerateAsync(["klotter"]));

        Assert.Equal(EmbeddingFailure.ModelNotFound, error.Failure);
        Assert.Contains("try pulling it first", error.Message, StringComparison.Ordinal);
        Assert.Contains("Embeddings:Model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_answer_is_reported()
    {
        _server.Fail(200, """{"data": [{"index": 0, "embedding": [0.1, 0.2""");
        using OpenAIEmbeddingGenerator generator = Create();

        var error = await Assert.ThrowsAsync<EmbeddingException>(() => generator.GenerateAsync(["klotter"]));

        Assert.Equal(EmbeddingFailure.MalformedResponse, error.Failure);
    }

    [Fact]
    public async Task An_answer_with_too_few_embeddings_is_reported()
    {
        _server.Fail(200, """{"data": [{"index": 0, "embedding": [0.1]}]}""");
        using OpenAIEmbeddingGenerator generator = Create();

        var error = await Assert.ThrowsAsync<EmbeddingException>(() => generator.GenerateAsync(["klotter", "SIG"]));

        Assert.Equal(EmbeddingFailure.MalformedResponse, error.Failure);
        Assert.Contains("2 inputs were sent but 1 embeddings came back", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_dimensions_are_reported_with_the_fix()
    {
        _server.Dimensions = 12;
        using OpenAIEmbeddingGenerator generator = Create(dimensions: 8);

        var error = await Assert.ThrowsAsync<EmbeddingException>(() => generator.GenerateAsync(["klotter"]));

        Assert.Equal(EmbeddingFailure.WrongDimensions, error.Failure);
        Assert.Contains("Set Embeddings:Dimensions to 12", error.Message, StringComparison.Ordinal);
        Assert.Contains("policysearch reembed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_later_batch_returns_nothing()
    {
        _server.Succeed();
        _server.Fail(200, """{"data": "nope"}""");
        using OpenAIEmbeddingGenerator generator = Create(batchSize: 1);

        // The first batch was embedded, but a caller must never get (and store) a partial list.
        await Assert.ThrowsAsync<EmbeddingException>(() => generator.GenerateAsync(["klotter", "SIG", "trygghetsfond"]));
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task A_slow_answer_times_out_and_is_retried()
    {
        _server.Stall(TimeSpan.FromSeconds(5));
        using OpenAIEmbeddingGenerator generator = Create(timeoutSeconds: 1);

        GeneratedEmbeddings<Embedding<float>> embeddings = await generator.GenerateAsync(["klotter"]);

        Assert.Equal(_server.VectorFor("klotter"), embeddings[0].Vector.ToArray());
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task Cancellation_stops_the_request()
    {
        _server.Stall(TimeSpan.FromSeconds(30));
        using OpenAIEmbeddingGenerator generator = Create();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => generator.GenerateAsync(["klotter"], cancellationToken: cancellation.Token));
    }

    [Fact]
    public async Task An_unreachable_server_is_reported()
    {
        string baseUrl = _server.BaseUrl;
        await _server.DisposeAsync();
        _server = await EmbeddingServer.StartAsync();
        using OpenAIEmbeddingGenerator generator = Create(baseUrl: baseUrl, maxAttempts: 2);

        var error = await Assert.ThrowsAsync<EmbeddingException>(() => generator.GenerateAsync(["klotter"]));

        Assert.Equal(EmbeddingFailure.Unreachable, error.Failure);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("localhost:11434")]
    [InlineData("ftp://example.org/v1")]
    public void A_missing_or_invalid_base_url_is_refused(string? baseUrl)
    {
        var error = Assert.Throws<EmbeddingException>(() => new OpenAIEmbeddingGenerator(new EmbeddingsOptions { BaseUrl = baseUrl, Model = "m" }));

        Assert.Equal(EmbeddingFailure.NotConfigured, error.Failure);
    }

    [Theory]
    [InlineData("http://localhost:11434", "http://localhost:11434/v1/embeddings")]
    [InlineData("http://localhost:11434/v1", "http://localhost:11434/v1/embeddings")]
    [InlineData("https://r.openai.azure.com/openai/v1/", "https://r.openai.azure.com/openai/v1/embeddings")]
    [InlineData("http://tei:8080/v1/embeddings", "http://tei:8080/v1/embeddings")]
    [InlineData("http://gateway/llm?key=1", "http://gateway/llm/v1/embeddings?key=1")]
    public void Endpoint_is_resolved_from_the_base_url(string baseUrl, string expected)
    {
        Assert.Equal(new Uri(expected), OpenAIEmbeddingGenerator.ResolveEndpoint(baseUrl));
    }

    [Fact]
    public void Metadata_names_provider_model_and_dimensions()
    {
        using OpenAIEmbeddingGenerator generator = Create(dimensions: 8);

        EmbeddingGeneratorMetadata metadata = generator.GetRequiredService<EmbeddingGeneratorMetadata>();

        Assert.Equal(OpenAIEmbeddingGenerator.ProviderName, metadata.ProviderName);
        Assert.Equal("test-embed", metadata.DefaultModelId);
        Assert.Equal(8, metadata.DefaultModelDimensions);
    }

    private OpenAIEmbeddingGenerator Create(int batchSize = 64, string? apiKey = null, string? baseUrl = null, int dimensions = 8,
        int timeoutSeconds = 10, int maxAttempts = 5, TimeSpan? backoff = null) =>
        new(new EmbeddingsOptions
        {
            Provider = EmbeddingProvider.OpenAI,
            BaseUrl = baseUrl ?? _server.BaseUrl,
            Model = "test-embed",
            ApiKey = apiKey ?? "sk-any",
            Dimensions = dimensions,
            BatchSize = batchSize,
            TimeoutSeconds = timeoutSeconds,
        })
        {
            MaxAttempts = maxAttempts,
            InitialBackoff = backoff ?? TimeSpan.FromMilliseconds(20),
        };
}
