using Microsoft.Extensions.AI;
using PolicySearch.Search;

namespace PolicySearch.Search.Tests;

/// <summary>A temporary folder holding an index file (and, when asked, a copy of the repository's seed corpus).</summary>
internal sealed class SeedIndex : IAsyncDisposable
{
    private readonly IEmbeddingGenerator<string, Embedding<float>>? _embeddings;

    private SeedIndex(string folder, PolicySearchIndex index, IEmbeddingGenerator<string, Embedding<float>>? embeddings)
    {
        Folder = folder;
        Index = index;
        _embeddings = embeddings;
    }

    public string Folder { get; }

    public PolicySearchIndex Index { get; private set; }

    public string CorpusFolder => Path.Combine(Folder, "corpus");

    public string IndexPath => Path.Combine(Folder, "index.db");

    /// <summary>The repository's <c>corpus/</c>, found upwards from the test binaries.</summary>
    public static string RepositoryCorpus()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "corpus");
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "PolicySearch.sln"))) return candidate;
        }
        throw new DirectoryNotFoundException("The repository's corpus/ folder was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>An empty index with a copy of the seed corpus beside it (not yet indexed); semantic search when given embeddings.</summary>
    public static async Task<SeedIndex> CreateAsync(IEmbeddingGenerator<string, Embedding<float>>? embeddings = null)
    {
        string folder = Path.Combine(Path.GetTempPath(), "policysearch-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "corpus"));
        foreach (string file in Directory.GetFiles(RepositoryCorpus()))
            File.Copy(file, Path.Combine(folder, "corpus", Path.GetFileName(file)));
        var index = await PolicySearchIndex.OpenAsync(Options(folder), embeddings: embeddings);
        return new SeedIndex(folder, index, embeddings);
    }

    /// <summary>The seed corpus, indexed.</summary>
    public static async Task<SeedIndex> IndexedAsync(IEmbeddingGenerator<string, Embedding<float>>? embeddings = null)
    {
        var seed = await CreateAsync(embeddings);
        var report = await seed.Index.IndexAsync();
        Assert.Empty(report.Errors);
        return seed;
    }

    /// <summary>Opens the same file again (as a new process would).</summary>
    public async Task ReopenAsync()
    {
        Index.Dispose();
        Index = await PolicySearchIndex.OpenAsync(Options(Folder), embeddings: _embeddings);
    }

    public Task<SearchResponse> SearchAsync(string query, SearchMode mode = SearchMode.Hybrid, int top = 10) =>
        Index.SearchAsync(new SearchRequest { Query = query, Mode = mode, Top = top });

    private static IndexOptions Options(string folder) => new()
    {
        Path = Path.Combine(folder, "index.db"),
        CorpusPath = Path.Combine(folder, "corpus"),
    };

    public ValueTask DisposeAsync()
    {
        Index.Dispose();
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { /* a file still held open only leaves a temp folder behind */ }
        return ValueTask.CompletedTask;
    }
}
