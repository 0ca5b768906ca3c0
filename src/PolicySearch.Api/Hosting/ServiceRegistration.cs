using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using PolicySearch.Api.Apis;
using PolicySearch.Embeddings;
using PolicySearch.Ingestion;
using PolicySearch.Ingestion.Readers;
using PolicySearch.Search;

namespace PolicySearch.Api.Hosting;

/// <summary>The service's registrations, grouped so <c>Program.cs</c> reads as a list of concerns.</summary>
internal static class ServiceRegistration
{
    /// <summary>Options, the index (one SQLite file, opened once) and the background corpus indexer.</summary>
    public static IServiceCollection AddPolicySearchIndex(this IServiceCollection services)
    {
        services.AddOptions<IndexOptions>().BindConfiguration(nameof(IndexOptions))
            .PostConfigure<IHostEnvironment>((index, environment) =>
            {
                index.Path = ContentPaths.Resolve(index.Path, environment.ContentRootPath);
                index.CorpusPath = ContentPaths.Resolve(index.CorpusPath, environment.ContentRootPath);
            });
        services.AddOptions<SearchOptions>().BindConfiguration(nameof(SearchOptions));
        services.AddOptions<EmbeddingsOptions>().BindConfiguration("Embeddings");
        services.AddOptions<ReaderOptions>().BindConfiguration("Readers");
        services.AddOptions<AccessOptions>().BindConfiguration("Access")
            .Validate(a => !a.RequireKeyForReads || a.ApiKeys.Any(k => k.Length > 0),
                "Access:RequireKeyForReads needs at least one key in Access:ApiKeys.")
            .ValidateOnStart();
        services.AddOptions<LimitOptions>().BindConfiguration("Limits").ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton(provider =>
        {
            var index = provider.GetRequiredService<IOptions<IndexOptions>>().Value;
            Directory.CreateDirectory(Path.GetDirectoryName(index.Path)!);
            // Opening only creates or checks the schema, so it completes at once; DI factories are synchronous.
            var ingestor = new DocumentIngestor(Gazetteer.Default, provider.GetRequiredService<IOptions<ReaderOptions>>().Value);
            return PolicySearchIndex.OpenAsync(index, provider.GetRequiredService<IOptions<SearchOptions>>().Value,
                    provider.GetRequiredService<IOptions<EmbeddingsOptions>>().Value, ingestor: ingestor)
                .GetAwaiter().GetResult();
        });
        services.AddSingleton<IndexReadiness>();
        services.AddHostedService<CorpusIndexingService>();
        return services;
    }

    /// <summary>Swedish problem details for every error, readable JSON, OpenAPI and request logging.</summary>
    public static IServiceCollection AddApiConventions(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            int status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            // Framework-made problems carry English titles; ours are already Swedish.
            if (context.ProblemDetails.Title is null || IsEnglishDefaultTitle(context.ProblemDetails.Title))
                context.ProblemDetails.Title = Problems.TitleFor(status) ?? context.ProblemDetails.Title;
            // Unexpected failures hide their cause; a 503 carries our own Swedish reason.
            if (status == StatusCodes.Status500InternalServerError)
            {
                context.ProblemDetails.Detail = "Försök igen om en stund. Felet är loggat.";
                context.ProblemDetails.Extensions.Remove("exception");
            }
        });
        // Keep å, ä, ö readable in the JSON; HTML-significant characters stay escaped.
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
        services.AddOpenApi(options => options.AddApiKeySecurity());
        services.AddHttpLogging(options =>
        {
            options.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath
                | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            options.CombineLogs = true;
        });
        return services;
    }

    /// <summary>
    /// Kestrel limits from the <c>Kestrel:Limits</c> section; the request line limit is raised so an over-long query
    /// reaches validation and gets a Swedish 400 instead of a bare 414.
    /// </summary>
    public static IServiceCollection AddKestrelLimits(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<KestrelServerOptions>(options => configuration.GetSection("Kestrel:Limits").Bind(options.Limits));

    /// <summary>CORS for the origins in <see cref="AccessOptions.CorsOrigins"/>; none configured means none allowed.</summary>
    public static IServiceCollection AddConfiguredCors(this IServiceCollection services)
    {
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<AccessOptions>>((cors, access) => cors.AddDefaultPolicy(policy => policy
            .WithOrigins(access.Value.CorsOrigins)
            .WithMethods(HttpMethods.Get, HttpMethods.Post, HttpMethods.Delete)
            .WithHeaders(ApiKeyFilter.HeaderName, "Content-Type")));
        return services;
    }

    private static bool IsEnglishDefaultTitle(string title) =>
        title.StartsWith("An error occurred", StringComparison.Ordinal)
        || title.StartsWith("One or more validation errors", StringComparison.Ordinal)
        || title is "Bad Request" or "Unauthorized" or "Not Found" or "Method Not Allowed" or "Payload Too Large"
            or "Unsupported Media Type" or "Too Many Requests" or "Internal Server Error" or "Service Unavailable";
}
