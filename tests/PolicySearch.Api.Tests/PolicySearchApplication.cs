using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace PolicySearch.Api.Tests;

/// <summary>
/// The real service on a temporary SQLite file, indexing a copy of two seed documents from the repository's
/// <c>corpus/</c>. <see cref="Settings"/> can be extended per test (limits, keys); <see cref="ApiKey"/> is always accepted.
/// </summary>
public sealed class PolicySearchApplication : WebApplicationFactory<Program>
{
    public const string ApiKey = "test-key-5f1c";

    /// <summary>
    /// Seed documents copied into the test corpus: Skärholmen's tjänsteutlåtande (SIG, kameraövervakning), a
    /// Socialnämnden protokollsutdrag with party reservations, and a KS utlåtande quoting several nämnder.
    /// </summary>
    public static readonly string[] SeedDocuments = ["000_40159177dd626b82.txt", "001_01ad77eb7e9a80d4.txt", "002_dcc03598cb1e7b7d.txt"];

    public PolicySearchApplication()
    {
        Root = Directory.CreateTempSubdirectory("policysearch-api-").FullName;
        CorpusPath = Path.Combine(Root, "corpus");
        Directory.CreateDirectory(CorpusPath);
        foreach (string name in SeedDocuments)
            File.Copy(Path.Combine(RepositoryRoot, "corpus", name), Path.Combine(CorpusPath, name));

        Settings = new()
        {
            ["IndexOptions:Path"] = Path.Combine(Root, "index", "policysearch.db"),
            ["IndexOptions:CorpusPath"] = CorpusPath,
            ["Access:ApiKeys:0"] = ApiKey,
            ["Limits:RequestsPerWindow"] = "100000",
        };
    }

    /// <summary>Configuration for this instance; add to it (object initializer) before the first request.</summary>
    public Dictionary<string, string?> Settings { get; }

    /// <summary>The temporary folder holding the index and the test corpus.</summary>
    public string Root { get; }

    /// <summary>The folder indexed on start.</summary>
    public string CorpusPath { get; }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
    }

    /// <summary>Polls <c>/health</c> until the first indexing run has finished.</summary>
    public async Task<HttpClient> CreateReadyClientAsync()
    {
        var client = CreateClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            using var response = await client.GetAsync(new Uri("/health", UriKind.Relative), timeout.Token);
            if (response.StatusCode == HttpStatusCode.OK)
                return client;
            var health = await response.Content.ReadFromJsonAsync<HealthBody>(timeout.Token);
            Assert.NotEqual("failed", health?.Status);
            await Task.Delay(50, timeout.Token);
        }
    }

    /// <summary>
    /// Starts the service on a real Kestrel socket (a free port on localhost) and, once the index is ready, returns a
    /// client that talks to it over TCP, so the request passes every layer a deployed service has.
    /// </summary>
    public async Task<HttpClient> CreateSocketClientAsync()
    {
        UseKestrel(0);
        StartServer();
        using var ready = await CreateReadyClientAsync();
        string address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new HttpClient { BaseAddress = new Uri(address) };
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync(); // disposes the index, which releases its pooled connections
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { /* a file still held open is left in the temp folder */ }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PolicySearch.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException("PolicySearch.sln not found above " + AppContext.BaseDirectory);
    }

    private sealed record HealthBody(string Status);
}
