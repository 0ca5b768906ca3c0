namespace PolicySearch.Api.Hosting;

/// <summary>Reverse proxies whose <c>X-Forwarded-For</c> is believed (section <c>ForwardedHeaders</c>); none by default.</summary>
internal sealed class TrustedProxyOptions
{
    /// <summary>Proxy IP addresses, e.g. <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR form, e.g. <c>10.0.0.0/24</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    public bool IsConfigured => KnownProxies.Length > 0 || KnownNetworks.Length > 0;
}
