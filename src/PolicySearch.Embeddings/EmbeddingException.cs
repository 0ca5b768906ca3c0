using System.Net;

namespace PolicySearch.Embeddings;

/// <summary>What went wrong while making embeddings.</summary>
public enum EmbeddingFailure
{
    /// <summary>Base URL or model is missing or invalid.</summary>
    NotConfigured,
    /// <summary>The server refused the API key (401/403).</summary>
    Unauthorized,
    /// <summary>The server does not know the model, or the URL is wrong (404).</summary>
    ModelNotFound,
    /// <summary>The server rejected the request (other 4xx).</summary>
    BadRequest,
    /// <summary>Still rate-limited or failing (429/5xx) after all retries.</summary>
    ServerUnavailable,
    /// <summary>No answer within the configured timeout, after all retries.</summary>
    Timeout,
    /// <summary>The server could not be reached.</summary>
    Unreachable,
    /// <summary>The answer is not the expected JSON.</summary>
    MalformedResponse,
    /// <summary>The vectors do not have the configured number of dimensions.</summary>
    WrongDimensions,
    /// <summary>The index holds vectors of another model; they must be re-embedded first.</summary>
    ModelMismatch,
    /// <summary>No model is available yet (the local model is trained when passages are indexed).</summary>
    NoModel,
}

/// <summary>Embeddings could not be made; <see cref="Exception.Message"/> says why and what to change.</summary>
public sealed class EmbeddingException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EmbeddingException(EmbeddingFailure failure, string message, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
        StatusCode = statusCode;
    }

    /// <summary>The kind of failure.</summary>
    public EmbeddingFailure Failure { get; }

    /// <summary>The HTTP status the server answered with, if any.</summary>
    public HttpStatusCode? StatusCode { get; }
}
