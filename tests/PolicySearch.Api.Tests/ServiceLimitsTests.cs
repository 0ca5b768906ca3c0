using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using PolicySearch.Api.Tests.Apis;

namespace PolicySearch.Api.Tests;

/// <summary>Configured limits and access rules, each on its own application instance.</summary>
public sealed class ServiceLimitsTests
{
    [Fact]
    public async Task Reads_need_a_key_when_configured_but_health_and_the_page_do_not()
    {
        await using var app = new PolicySearchApplication { Settings = { ["Access:RequireKeyForReads"] = "true" } };
        var client = await app.CreateReadyClientAsync();

        using var missing = await client.GetAsync(new Uri("/api/search?q=sig", UriKind.Relative));
        using var wrong = await SendWithKeyAsync(client, "/api/stats", "fel");
        using var right = await SendWithKeyAsync(client, "/api/stats", PolicySearchApplication.ApiKey);
        using var page = await client.GetAsync(new Uri("/", UriKind.Relative));

        await missing.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await wrong.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Requests_over_the_rate_limit_get_429_with_retry_after()
    {
        await using var app = new PolicySearchApplication { Settings = {
            ["Limits:RequestsPerWindow"] = "3",
            ["Limits:RateLimitWindowSeconds"] = "600",
        } };
        var client = await app.CreateReadyClientAsync();

        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 3; i++)
        {
            using var ok = await client.GetAsync(new Uri("/api/stats", UriKind.Relative));
            statuses.Add(ok.StatusCode);
        }
        using var limited = await client.GetAsync(new Uri("/api/search?q=sig", UriKind.Relative));
        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        var problem = await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.StartsWith("Du har skickat för många förfrågningar", problem.Str("detail"), StringComparison.Ordinal);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Uploads_over_the_size_or_file_count_limit_are_refused()
    {
        await using var app = new PolicySearchApplication { Settings = {
            ["Limits:MaxUploadBytes"] = "4096",
            ["Limits:MaxUploadFiles"] = "2",
        } };
        var client = await app.CreateReadyClientAsync();
        string key = PolicySearchApplication.ApiKey;
        byte[] small = Encoding.UTF8.GetBytes("Ett kort yttrande.");

        using var tooLarge = await DocumentsApiTests.UploadAsync(client, key, ("stor.txt", Encoding.UTF8.GetBytes(new string('a', 5000))));
        using var tooMany = await DocumentsApiTests.UploadAsync(client, key, ("a.txt", small), ("b.txt", small), ("c.txt", small));
        using var fits = await DocumentsApiTests.UploadAsync(client, key, ("a.txt", small), ("b.txt", small));

        await tooLarge.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("Högst 2 filer per uppladdning.", (await tooMany.AssertProblemAsync(HttpStatusCode.BadRequest)).Str("detail"));
        Assert.Equal(HttpStatusCode.OK, fits.StatusCode);
    }

    [Fact]
    public async Task Cors_allows_only_the_configured_origins()
    {
        await using var app = new PolicySearchApplication { Settings = { ["Access:CorsOrigins:0"] = "https://intranat.stockholm.se" } };
        var client = await app.CreateReadyClientAsync();

        using var allowed = await PreflightAsync(client, "https://intranat.stockholm.se");
        using var other = await PreflightAsync(client, "https://elak.example");

        Assert.Equal("https://intranat.stockholm.se", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_broken_index_gives_a_500_problem_without_internals()
    {
        await using var app = new PolicySearchApplication();
        var client = await app.CreateReadyClientAsync();
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(app.Root, "index", "policysearch.db")};Pooling=False"))
        {
            connection.Open();
            using var sabotage = connection.CreateCommand();
            sabotage.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            var tables = new List<string>();
            using (var reader = sabotage.ExecuteReader())
                while (reader.Read()) tables.Add(reader.GetString(0));
            foreach (string table in tables)
            {
                sabotage.CommandText = $"DROP TABLE IF EXISTS \"{table}\"";
                sabotage.ExecuteNonQuery();
            }
        }

        using var response = await client.GetAsync(new Uri("/api/search?q=sig", UriKind.Relative));

        var problem = await response.AssertProblemAsync(HttpStatusCode.InternalServerError);
        Assert.Equal("Något gick fel i tjänsten", problem.Str("title"));
        Assert.DoesNotContain("sqlite", problem.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<HttpResponseMessage> SendWithKeyAsync(HttpClient client, string url, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("X-Api-Key", key);
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> PreflightAsync(HttpClient client, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/search?q=sig");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "X-Api-Key");
        return await client.SendAsync(request);
    }
}
