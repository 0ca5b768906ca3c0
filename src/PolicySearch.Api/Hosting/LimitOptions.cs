using System.ComponentModel.DataAnnotations;

namespace PolicySearch.Api.Hosting;

/// <summary>
/// Request limits of the service (section <c>Limits</c>), each enforced with a 400, 413 or 429. Query length, page size
/// and result window are the search layer's <c>SearchOptions</c>, so they are defined once.
/// </summary>
internal sealed class LimitOptions
{
    /// <summary>Longest accepted filter value (body, party, type), in characters.</summary>
    [Range(1, 10_000)] public int MaxFilterLength { get; set; } = 200;

    /// <summary>Largest upload request, in bytes (all files together).</summary>
    [Range(1, long.MaxValue)] public long MaxUploadBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Most files in one upload.</summary>
    [Range(1, 1_000)] public int MaxUploadFiles { get; set; } = 20;

    /// <summary>Requests one client IP may make per <see cref="RateLimitWindowSeconds"/>.</summary>
    [Range(1, int.MaxValue)] public int RequestsPerWindow { get; set; } = 300;

    /// <summary>Length of the rate-limit window, in seconds.</summary>
    [Range(1, 86_400)] public int RateLimitWindowSeconds { get; set; } = 60;
}
