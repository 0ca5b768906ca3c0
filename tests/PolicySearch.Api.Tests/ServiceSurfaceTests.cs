using System.Net;

namespace PolicySearch.Api.Tests;

/// <summary>What is served besides the JSON endpoints: the page, OpenAPI, and problems for unknown routes.</summary>
public sealed class ServiceSurfaceTests(PolicySearchApplication app) : IClassFixture<PolicySearchApplication>
{
    [Fact]
    public async Task OpenApi_describes_every_endpoint()
    {
        var client = await app.CreateReadyClientAsync();

        var (status, document) = await client.GetJsonAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, status);
        var paths = document.GetProperty("paths").PropertyNames();
        Assert.Equal(
            ["/api/documents", "/api/documents/{id}", "/api/documents/{id}/text", "/api/passages/{id}", "/api/passages/{id}/similar",
             "/api/search", "/api/speakers", "/api/stats", "/health"],
            paths);
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("X-Api-Key", scheme.Str("name"));
        var upload = document.GetProperty("paths").GetProperty("/api/documents").GetProperty("post");
        Assert.True(upload.GetProperty("security")[0].TryGetProperty("ApiKey", out _));
        Assert.False(document.GetProperty("paths").GetProperty("/api/search").GetProperty("get").TryGetProperty("security", out _));
    }

    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/app.js", "text/javascript")]
    [InlineData("/style.css", "text/css")]
    public async Task The_search_page_is_served_without_external_resources(string url, string mediaType)
    {
        var client = await app.CreateReadyClientAsync();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        string content = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("http://", content, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_api_route_is_a_swedish_404_problem()
    {
        var client = await app.CreateReadyClientAsync();

        using var response = await client.GetAsync(new Uri("/api/finns-inte", UriKind.Relative));

        Assert.Equal("Hittades inte", (await response.AssertProblemAsync(HttpStatusCode.NotFound)).Str("title"));
    }
}
