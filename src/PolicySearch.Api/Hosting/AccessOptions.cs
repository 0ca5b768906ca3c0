namespace PolicySearch.Api.Hosting;

/// <summary>Who may call the API (section <c>Access</c>).</summary>
internal sealed class AccessOptions
{
    /// <summary>Keys accepted in the <c>X-Api-Key</c> header. Uploads and deletes always need one.</summary>
    public string[] ApiKeys { get; set; } = [];

    /// <summary>Whether the read endpoints need a key too.</summary>
    public bool RequireKeyForReads { get; set; }

    /// <summary>Origins allowed to call the API from a browser on another site; empty disables CORS.</summary>
    public string[] CorsOrigins { get; set; } = [];
}
