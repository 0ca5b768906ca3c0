using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using PolicySearch.Api.Apis;

namespace PolicySearch.Api.Hosting;

/// <summary>The per-client rate limit on <c>/api</c>: a fixed window per remote IP address, sized by <see cref="LimitOptions"/>.</summary>
internal static class RateLimitingExtensions
{
    public const string PerClientPolicy = "per-client";

    public static IServiceCollection AddPerClientRateLimiting(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(PerClientPolicy, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptionsMonitor<LimitOptions>>().CurrentValue;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limits.RequestsPerWindow,
                        Window = TimeSpan.FromSeconds(limits.RateLimitWindowSeconds),
                        QueueLimit = 0,
                    });
            });
            options.OnRejected = WriteRejectionAsync;
        });

    private static async ValueTask WriteRejectionAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        string wait = "en stund";
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan retryAfter))
        {
            int seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            wait = $"{seconds} sekunder";
        }
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = Problems.TitleFor(StatusCodes.Status429TooManyRequests),
                Detail = $"Du har skickat för många förfrågningar. Försök igen om {wait}.",
            },
        });
    }
}
