using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace PolicySearch.Api.Hosting;

/// <summary>
/// Trusts <c>X-Forwarded-For</c> only from the proxies in <see cref="TrustedProxyOptions"/>, so that behind a reverse
/// proxy the rate limit and the request log see each client's address instead of the proxy's. With none configured
/// the middleware is not added at all: a client could otherwise pick its own rate-limit bucket with the header.
/// </summary>
internal static class ForwardedHeadersExtensions
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services)
    {
        services.AddOptions<TrustedProxyOptions>().BindConfiguration("ForwardedHeaders")
            .Validate(o => o.KnownProxies.All(p => IPAddress.TryParse(p, out _)),
                "ForwardedHeaders:KnownProxies must hold IP addresses, e.g. 10.0.0.5.")
            .Validate(o => o.KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)),
                "ForwardedHeaders:KnownNetworks must hold networks in CIDR form, e.g. 10.0.0.0/24.")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<TrustedProxyOptions>>((forwarded, trusted) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            // Walk the header from the right while each hop is trusted: the client is the first address no trusted
            // proxy vouches for, so an address a client writes in front of the real one is ignored.
            forwarded.ForwardLimit = null;
            // The framework trusts loopback by default; only the configured proxies count here.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (string proxy in trusted.Value.KnownProxies)
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (string network in trusted.Value.KnownNetworks)
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        return services;
    }

    /// <summary>Adds the forwarded-headers middleware when a proxy is configured; it must run before anything that reads the client address.</summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<TrustedProxyOptions>>().Value.IsConfigured)
            app.UseForwardedHeaders();
        return app;
    }
}
