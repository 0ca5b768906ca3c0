using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using PolicySearch.Embeddings;
using PolicySearch.Ingestion;
using PolicySearch.Ingestion.Readers;
using PolicySearch.Search;

namespace PolicySearch.IndexTool;

/// <summary>
/// Plumbing shared by the commands: configuration (defaults in code, then <c>appsettings.json</c> beside the
/// tool, then environment variables, then <c>--index</c>), opening the index, and JSON output.
/// </summary>
internal static class CliSettings
{
    /// <summary><c>--index PATH</c>: overrides <c>IndexOptions:Path</c> and <c>POLICYSEARCH_INDEX</c>.</summary>
    public static readonly Option<string?> IndexPath = new("--index") { Recursive = true, Description = "Index file (default: IndexOptions:Path, or POLICYSEARCH_INDEX)" };

    /// <summary>Camel-case JSON with Swedish letters written as they are.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IConfiguration Configuration { get; } = new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables("POLICYSEARCH_")
        .Build();

    public static IndexOptions IndexOptions(ParseResult parseResult)
    {
        var options = new IndexOptions();
        Configuration.GetSection(nameof(Search.IndexOptions)).Bind(options);
        // POLICYSEARCH_INDEX is the documented short form of POLICYSEARCH_IndexOptions__Path.
        if (Configuration["INDEX"] is { Length: > 0 } fromEnvironment) options.Path = fromEnvironment;
        if (parseResult.GetValue(IndexPath) is { Length: > 0 } fromOption) options.Path = fromOption;
        return options;
    }

    public static SearchOptions SearchOptions()
    {
        var options = new SearchOptions();
        Configuration.GetSection(nameof(Search.SearchOptions)).Bind(options);
        return options;
    }

    public static EmbeddingsOptions EmbeddingsOptions()
    {
        var options = new EmbeddingsOptions();
        Configuration.GetSection("Embeddings").Bind(options);
        return options;
    }

    /// <summary>File size, text length and time limits for reading documents (section <c>Readers</c>).</summary>
    public static ReaderOptions ReaderOptions()
    {
        var options = new ReaderOptions();
        Configuration.GetSection("Readers").Bind(options);
        return options;
    }

    public static Task<PolicySearchIndex> OpenIndexAsync(ParseResult parseResult, CancellationToken cancellationToken) =>
        OpenIndexAsync(IndexOptions(parseResult), cancellationToken);

    public static async Task<PolicySearchIndex> OpenIndexAsync(IndexOptions options, CancellationToken cancellationToken)
    {
        var ingestor = new DocumentIngestor(Gazetteer.Default, ReaderOptions());
        var index = await PolicySearchIndex.OpenAsync(options, SearchOptions(), EmbeddingsOptions(), ingestor: ingestor, cancellationToken: cancellationToken);
        if (index.RebuildMessage is { } message) await Console.Error.WriteLineAsync(message);
        return index;
    }

    public static string ToJson<T>(T value, bool indented = false) =>
        JsonSerializer.Serialize(value, indented ? new JsonSerializerOptions(Json) { WriteIndented = true } : Json);
}
