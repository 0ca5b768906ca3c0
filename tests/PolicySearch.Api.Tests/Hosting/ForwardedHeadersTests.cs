using System.Net;
using Microsoft.Extensions.Options;

namespace PolicySearch.Api.Tests.Hosting;

/// <summary>
/// The per-IP rate limit behind a reverse proxy, over a real socket: the test client on localhost plays the proxy,
/// and <c>X-Forwarded-For</c> names the clients behind it. Each application allows two requests per window.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const string Anna = "203.0.113.10", Bertil = "203.0.113.20";

    [Fact]
    public async Task Clients_behind_a_configured_proxy_get_their_own_rate_limit()
    {
        await using var app = LimitedApplication(("ForwardedHeaders:KnownNetworks:0", "127.0.0.0/8"), ("ForwardedHeaders:KnownProxies:0", "::1"));
        using var proxy = await app.CreateSocketClientAsync();

        HttpStatusCode[] anna = [await StatsAsync(proxy, Anna), await StatsAsync(proxy, Anna), await StatsAsync(proxy, Anna)];
        HttpStatusCode bertil = await StatsAsync(proxy, Bertil);
        // An address Anna writes in front of her own is not believed: the proxy vouches only for the last one.
        HttpStatusCode annaPosingAsCecilia = await StatsAsync(proxy, $"198.51.100.7, {Anna}");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], anna);
        Assert.Equal(HttpStatusCode.OK, bertil);
        Assert.Equal(HttpStatusCode.TooManyRequests, annaPosingAsCecilia);
    }

    [Theory]
    [InlineData(null)] // nothing configured: the header is ignored
    [InlineData("10.0.0.5")] // another proxy configured: loopback, trusted by the framework's defaults, is not
    public async Task A_header_from_a_peer_that_is_no_configured_proxy_is_ignored(string? knownProxy)
    {
        await using var app = knownProxy is null ? LimitedApplication() : LimitedApplication(("ForwardedHeaders:KnownProxies:0", knownProxy));
        using var client = await app.CreateSocketClientAsync();

        HttpStatusCode[] statuses = [await StatsAsync(client, Anna), await StatsAsync(client, Bertil), await StatsAsync(client, "198.51.100.7")];

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task A_proxy_setting_that_is_no_address_stops_the_start_and_names_the_setting()
    {
        await using var app = LimitedApplication(("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/99"));

        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("ForwardedHeaders:KnownNetworks", error.Message, StringComparison.Ordinal);
    }

    private static PolicySearchApplication LimitedApplication(params (string Key, string Value)[] settings)
    {
        var app = new PolicySearchApplication { Settings = {
            ["Limits:RequestsPerWindow"] = "2",
            ["Limits:RateLimitWindowSeconds"] = "600",
        } };
        foreach (var (key, value) in settings)
            app.Settings[key] = value;
        return app;
    }

    private static async Task<HttpStatusCode> StatsAsync(HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/stats");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
