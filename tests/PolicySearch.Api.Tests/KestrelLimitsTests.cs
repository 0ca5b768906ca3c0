using System.Net;

namespace PolicySearch.Api.Tests;

/// <summary>Limits that only a real Kestrel listener applies.</summary>
public sealed class KestrelLimitsTests
{
    [Fact]
    public async Task A_20_KB_query_over_a_real_socket_gets_the_swedish_400()
    {
        await using var app = new PolicySearchApplication();
        using var client = await app.CreateSocketClientAsync();

        using var response = await client.GetAsync(new Uri("/api/search?q=" + new string('ö', 10_000) + "%ED%A0%80", UriKind.Relative));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("q", out _));
    }
}
