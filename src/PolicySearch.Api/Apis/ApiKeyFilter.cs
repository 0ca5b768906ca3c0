using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using PolicySearch.Api.Hosting;

namespace PolicySearch.Api.Apis;

/// <summary>
/// Requires a configured key in the <c>X-Api-Key</c> header: always for writes, and for reads only when
/// <see cref="AccessOptions.RequireKeyForReads"/> is set.
/// </summary>
internal sealed class ApiKeyFilter(bool forWrites) : IEndpointFilter
{
    public const string HeaderName = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var access = context.HttpContext.RequestServices.GetRequiredService<IOptionsMonitor<AccessOptions>>().CurrentValue;
        if (!forWrites && !access.RequireKeyForReads)
            return await next(context);

        if (access.ApiKeys.All(string.IsNullOrEmpty))
            return Problems.Unauthorized("Inga API-nycklar är konfigurerade, så den här åtgärden är avstängd.");
        string? presented = context.HttpContext.Request.Headers[HeaderName];
        if (string.IsNullOrEmpty(presented))
            return Problems.Unauthorized($"Ange en API-nyckel i huvudet {HeaderName}.");
        if (!IsAccepted(presented, access.ApiKeys))
            return Problems.Unauthorized("API-nyckeln är ogiltig.");
        return await next(context);
    }

    /// <summary>Compares against every key in constant time, so timing does not reveal a key's prefix.</summary>
    private static bool IsAccepted(string presented, string[] keys)
    {
        byte[] presentedBytes = Encoding.UTF8.GetBytes(presented);
        bool accepted = false;
        foreach (string key in keys)
        {
            if (key.Length > 0)
                accepted |= CryptographicOperations.FixedTimeEquals(presentedBytes, Encoding.UTF8.GetBytes(key));
        }
        return accepted;
    }
}

/// <summary>Attaches <see cref="ApiKeyFilter"/> to a group and documents the header.</summary>
internal static class ApiKeyFilterExtensions
{
    public static TBuilder RequireApiKeyForReads<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(new ApiKeyFilter(forWrites: false));

    public static TBuilder RequireApiKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(new ApiKeyFilter(forWrites: true))
            .WithMetadata(new ApiKeyRequired())
            .ProducesProblem(StatusCodes.Status401Unauthorized);
}
