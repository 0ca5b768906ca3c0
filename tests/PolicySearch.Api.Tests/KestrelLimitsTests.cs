using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace PolicySearch.Api.Tests;

/// <summary>Limits that only a real Kestrel listener applies.</summary>
public sealed class KestrelLimitsTests
{
    [Fact]
    public async Task A_20_KB_query_over_a_real_socket_gets_the_swedish_400()
    {
        await using var app = new PolicySearchApplication();
        app.UseKestrel(0);
        app.StartServer();
        await app.CreateReadyClientAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        using var response = await client.GetAsync(new Uri("/api/search?q=" + new string('ö', 10_000) + "%ED%A0%80", UriKind.Relative));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("q", out _));
    }
}
