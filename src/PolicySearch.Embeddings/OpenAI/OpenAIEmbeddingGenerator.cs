using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace PolicySearch.Embeddings.OpenAI;

/// <summary>
/// Embeddings from any server speaking the OpenAI wire format, <c>POST {BaseUrl}/embeddings</c>
/// <c>{model, input: [...]}</c> → <c>{data: [{index, embedding}]}</c>: OpenAI, Azure OpenAI (v1 API), Ollama,
/// vLLM, text-embeddings-inference. Inputs are sent in batches of <see cref="EmbeddingsOptions.BatchSize"/>;
/// 429 and 5xx answers are retried with exponential backoff honouring <c>Retry-After</c>. Any failure throws
/// <see cref="EmbeddingException"/> and returns nothing, so a caller never stores half the vectors.
/// Thread-safe.
/// </summary>
public sealed class OpenAIEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>Environment variable read when no API key is configured.</summary>
    public const string ApiKeyEnvironmentVariable = "POLICYSEARCH_EMBEDDINGS_API_KEY";
    /// <summary>Provider name reported in <see cref="Metadata"/>.</summary>
    public const string ProviderName = "openai-compatible";

    private readonly EmbeddingsOptions _options;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly Uri _endpoint;
    private readonly string? _apiKey;

    /// <summary>Creates a client; <paramref name="httpClient"/> (not disposed here) lets the host manage connections.</summary>
    /// <exception cref="EmbeddingException">Base URL or model is missing or invalid.</exception>
    public OpenAIEmbeddingGenerator(EmbeddingsOptions options, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Model))
            throw new EmbeddingException(EmbeddingFailure.NotConfigured, "Embeddings:Model is not set; name the embedding model the server should use.");
        if (options.BatchSize < 1 || options.TimeoutSeconds < 1)
            throw new EmbeddingException(EmbeddingFailure.NotConfigured, "Embeddings:BatchSize and Embeddings:TimeoutSeconds must be positive.");
        _options = options;
        _endpoint = ResolveEndpoint(options.BaseUrl);
        _apiKey = string.IsNullOrEmpty(options.ApiKey) ? Environment.GetEnvironmentVariable(ApiKeyEnvironmentVariable) : options.ApiKey;
        _ownsHttp = httpClient is null;
        // Timeouts are per request (below), so the client's own timeout must not cut retries short.
        _http = httpClient ?? new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        Metadata = new EmbeddingGeneratorMetadata(ProviderName, _endpoint, options.Model, options.Dimensions > 0 ? options.Dimensions : null);
    }

    /// <summary>Provider, endpoint, model and dimensions.</summary>
    public EmbeddingGeneratorMetadata Metadata { get; }

    /// <summary>Attempts per batch (first try included).</summary>
    internal int MaxAttempts { get; init; } = 5;

    /// <summary>First backoff delay when the server gives no <c>Retry-After</c>; doubled on each retry.</summary>
    internal TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(0.5);

    /// <summary>Longest wait between attempts, whatever <c>Retry-After</c> asks.</summary>
    internal TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(60);

    /// <inheritdoc />
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        string[] inputs = values.ToArray();
        string model = options?.ModelId ?? _options.Model!;
        int expectedDimensions = options?.Dimensions ?? _options.Dimensions;
        var embeddings = new Embedding<float>[inputs.Length];
        long inputTokens = 0, totalTokens = 0;
        for (int offset = 0; offset < inputs.Length; offset += _options.BatchSize)
        {
            string[] batch = inputs[offset..Math.Min(offset + _options.BatchSize, inputs.Length)];
            using JsonDocument answer = await SendAsync(new EmbeddingsRequest(model, batch), cancellationToken);
            BatchResult result = ReadBatch(answer.RootElement, batch.Length, model, expectedDimensions);
            // With no configured size, the first batch decides and later ones must agree.
            expectedDimensions = result.Vectors[0].Length;
            for (int i = 0; i < batch.Length; i++)
                embeddings[offset + i] = new Embedding<float>(result.Vectors[i]) { ModelId = result.Model ?? model, CreatedAt = DateTimeOffset.UtcNow };
            inputTokens += result.PromptTokens;
            totalTokens += result.TotalTokens;
        }
        return new GeneratedEmbeddings<Embedding<float>>(embeddings)
        {
            Usage = new UsageDetails { InputTokenCount = inputTokens, TotalTokenCount = totalTokens },
        };
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        GeneratorServices.Find(serviceType, serviceKey, Metadata, this);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHttp)
            _http.Dispose();
    }

    /// <summary>
    /// <c>http://host:11434</c> and <c>http://host:11434/v1</c> both mean <c>…/v1/embeddings</c>;
    /// a URL already ending in <c>/embeddings</c> is used as given.
    /// </summary>
    internal static Uri ResolveEndpoint(string? baseUrl)
    {
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new EmbeddingException(EmbeddingFailure.NotConfigured, $"Embeddings:BaseUrl '{baseUrl}' is not an http(s) URL, e.g. http://localhost:11434/v1.");
        string path = uri.AbsolutePath.TrimEnd('/');
        string lastSegment = path[(path.LastIndexOf('/') + 1)..];
        if (!lastSegment.Equals("embeddings", StringComparison.Ordinal))
            path += IsVersionSegment(lastSegment) ? "/embeddings" : "/v1/embeddings";
        return new UriBuilder(uri) { Path = path }.Uri;
    }

    private static bool IsVersionSegment(string segment) =>
        segment.Length >= 2 && segment[0] == 'v' && segment.AsSpan(1).ContainsAnyExceptInRange('0', '9') is false;

    private async Task<JsonDocument> SendAsync(EmbeddingsRequest body, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            bool last = attempt >= MaxAttempts;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(_options.TimeoutSeconds));
            TimeSpan? retryAfter;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = JsonContent.Create(body, EmbeddingsJson.Default.EmbeddingsRequest) };
                if (!string.IsNullOrEmpty(_apiKey))
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);
                    request.Headers.TryAddWithoutValidation("api-key", _apiKey); // Azure OpenAI's header
                }
                using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                string content = await response.Content.ReadAsStringAsync(timeout.Token);
                if (response.IsSuccessStatusCode)
                    return ParseJson(content);
                if (response.StatusCode != HttpStatusCode.TooManyRequests && (int)response.StatusCode < 500)
                    throw Refused(response.StatusCode, content, body.Model);
                if (last)
                    throw new EmbeddingException(EmbeddingFailure.ServerUnavailable,
                        $"The embeddings server at {_endpoint} still answered {(int)response.StatusCode} {response.ReasonPhrase} after {attempt} attempts: {ErrorText(content)}",
                        response.StatusCode);
                retryAfter = RetryAfter(response);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                if (last)
                    throw new EmbeddingException(EmbeddingFailure.Timeout,
                        $"The embeddings server at {_endpoint} did not answer within {_options.TimeoutSeconds} s ({attempt} attempts); raise Embeddings:TimeoutSeconds or lower Embeddings:BatchSize.", innerException: e);
                retryAfter = null;
            }
            catch (HttpRequestException e)
            {
                if (last)
                    throw new EmbeddingException(EmbeddingFailure.Unreachable,
                        $"The embeddings server at {_endpoint} cannot be reached ({e.Message}); check Embeddings:BaseUrl.", innerException: e);
                retryAfter = null;
            }
            TimeSpan backoff = retryAfter ?? InitialBackoff * Math.Pow(2, attempt - 1);
            await Task.Delay(backoff < MaxBackoff ? backoff : MaxBackoff, cancellationToken);
        }
    }

    private EmbeddingException Refused(HttpStatusCode status, string content, string model)
    {
        string detail = ErrorText(content);
        return status switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new EmbeddingException(EmbeddingFailure.Unauthorized,
                $"The embeddings server at {_endpoint} refused the API key ({(int)status}): {detail}. Set Embeddings:ApiKey or {ApiKeyEnvironmentVariable}.", status),
            HttpStatusCode.NotFound => new EmbeddingException(EmbeddingFailure.ModelNotFound,
                $"The embeddings server at {_endpoint} answered 404 for model '{model}': {detail}. Check Embeddings:Model and Embeddings:BaseUrl.", status),
            _ => new EmbeddingException(EmbeddingFailure.BadRequest,
                $"The embeddings server at {_endpoint} rejected the request ({(int)status}): {detail}.", status),
        };
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        RetryConditionHeaderValue? header = response.Headers.RetryAfter;
        TimeSpan? delay = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        return delay is { } d ? (d < TimeSpan.Zero ? TimeSpan.Zero : d) : null;
    }

    private JsonDocument ParseJson(string content)
    {
        try
        {
            return JsonDocument.Parse(content);
        }
        catch (JsonException e)
        {
            throw Malformed($"the answer is not JSON ({e.Message})", e);
        }
    }

    private BatchResult ReadBatch(JsonElement root, int count, string model, int expectedDimensions)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("data", out JsonElement data) || data.ValueKind != JsonValueKind.Array)
            throw Malformed("the answer has no \"data\" array");
        if (data.GetArrayLength() != count)
            throw Malformed($"{count} inputs were sent but {data.GetArrayLength()} embeddings came back");
        var vectors = new float[count][];
        int position = 0;
        foreach (JsonElement item in data.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("embedding", out JsonElement embedding) || embedding.ValueKind != JsonValueKind.Array)
                throw Malformed($"item {position} of \"data\" has no \"embedding\" array");
            int index = item.TryGetProperty("index", out JsonElement indexElement) && indexElement.TryGetInt32(out int i) ? i : position;
            if (index < 0 || index >= count || vectors[index] is not null)
                throw Malformed($"item {position} of \"data\" has a missing, repeated or out-of-range index {index}");
            var vector = new float[embedding.GetArrayLength()];
            int d = 0;
            foreach (JsonElement number in embedding.EnumerateArray())
            {
                if (number.ValueKind != JsonValueKind.Number || !number.TryGetSingle(out vector[d++]))
                    throw Malformed($"embedding {index} holds a value that is not a number");
            }
            if (expectedDimensions > 0 && vector.Length != expectedDimensions)
                throw new EmbeddingException(EmbeddingFailure.WrongDimensions,
                    $"Model '{model}' at {_endpoint} returns {vector.Length}-dimensional vectors, but Embeddings:Dimensions is {expectedDimensions}. " +
                    $"Set Embeddings:Dimensions to {vector.Length} and run `policysearch reembed`.");
            vectors[index] = vector;
            position++;
        }
        string? answeredModel = root.TryGetProperty("model", out JsonElement m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        long promptTokens = 0, totalTokens = 0;
        if (root.TryGetProperty("usage", out JsonElement usage) && usage.ValueKind == JsonValueKind.Object)
        {
            if (usage.TryGetProperty("prompt_tokens", out JsonElement p) && p.TryGetInt64(out long pt)) promptTokens = pt;
            if (usage.TryGetProperty("total_tokens", out JsonElement t) && t.TryGetInt64(out long tt)) totalTokens = tt;
        }
        return new BatchResult(vectors, answeredModel, promptTokens, totalTokens);
    }

    private EmbeddingException Malformed(string what, Exception? inner = null) =>
        new(EmbeddingFailure.MalformedResponse, $"The embeddings server at {_endpoint} sent a malformed answer: {what}.", innerException: inner);

    /// <summary>The server's own error message (OpenAI style <c>{"error": {"message"}}</c>) or the start of the body.</summary>
    private static string ErrorText(string content)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(content);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out JsonElement error))
            {
                if (error.ValueKind == JsonValueKind.String)
                    return error.GetString()!;
                if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out JsonElement message) && message.ValueKind == JsonValueKind.String)
                    return message.GetString()!;
            }
        }
        catch (JsonException)
        {
            // Not JSON: fall back to the raw text.
        }
        string text = content.Trim();
        return text.Length == 0 ? "(empty answer)" : text.Length > 300 ? text[..300] + "…" : text;
    }

    private sealed record BatchResult(float[][] Vectors, string? Model, long PromptTokens, long TotalTokens);
}
