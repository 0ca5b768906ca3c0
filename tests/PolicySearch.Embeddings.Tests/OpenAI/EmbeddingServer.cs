using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PolicySearch.Embeddings.Tests.OpenAI;

/// <summary>
/// A real Kestrel server on 127.0.0.1 speaking the OpenAI embeddings wire format. By default it answers
/// every input with a vector derived from the text; queued faults are served first, one per request.
/// </summary>
internal sealed class EmbeddingServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _faults = new();

    private EmbeddingServer(WebApplication app) => _app = app;

    public int Dimensions { get; set; } = 8;
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();
    public string BaseUrl { get; private set; } = "";

    public static async Task<EmbeddingServer> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        var server = new EmbeddingServer(app);
        app.MapPost("/v1/embeddings", server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return server;
    }

    /// <summary>The next request gets this status and body (and headers) instead of embeddings.</summary>
    public void Fail(int status, string body = "", params (string Name, string Value)[] headers) =>
        _faults.Enqueue(async context =>
        {
            context.Response.StatusCode = status;
            foreach ((string name, string value) in headers)
                context.Response.Headers[name] = value;
            await context.Response.WriteAsync(body);
        });

    /// <summary>The next request is answered normally (so that a later fault hits a later request).</summary>
    public void Succeed() => _faults.Enqueue(_ => Task.CompletedTask);

    /// <summary>The next request is answered only after <paramref name="delay"/>.</summary>
    public void Stall(TimeSpan delay) => _faults.Enqueue(context => Task.Delay(delay, context.RequestAborted));

    /// <summary>What the test expects for <paramref name="text"/>: a vector derived from its characters.</summary>
    public float[] VectorFor(string text) =>
        Enumerable.Range(0, Dimensions).Select(d => (float)((text.Length + d * 31 + text.Sum(c => c)) % 97) / 97f).ToArray();

    private async Task HandleAsync(HttpContext context)
    {
        using JsonDocument body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        string[] inputs = body.RootElement.GetProperty("input").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Requests.Enqueue(new RecordedRequest(body.RootElement.GetProperty("model").GetString()!, inputs,
            context.Request.Headers.Authorization.ToString(), DateTimeOffset.UtcNow));
        if (_faults.TryDequeue(out Func<HttpContext, Task>? fault))
        {
            await fault(context);
            if (context.Response.HasStarted)
                return;
        }
        // Answer in reverse order: clients must place vectors by "index", not by position.
        var data = new JsonArray(inputs.Select((text, index) => (text, index)).Reverse()
            .Select(item => (JsonNode)new JsonObject
            {
                ["object"] = "embedding",
                ["index"] = item.index,
                ["embedding"] = new JsonArray(VectorFor(item.text).Select(v => (JsonNode)v).ToArray()),
            }).ToArray());
        await context.Response.WriteAsJsonAsync(new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = body.RootElement.GetProperty("model").GetString(),
            ["usage"] = new JsonObject { ["prompt_tokens"] = inputs.Length, ["total_tokens"] = inputs.Length },
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal sealed record RecordedRequest(string Model, string[] Inputs, string Authorization, DateTimeOffset At);
}
