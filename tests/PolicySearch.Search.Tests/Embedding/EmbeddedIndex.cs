using PolicySearch.Embeddings;

namespace PolicySearch.Search.Tests.Embedding;

/// <summary>A temporary index opened with an embeddings configuration, over a copy of the seed corpus.</summary>
internal sealed class EmbeddedIndex : IAsyncDisposable
{
    private EmbeddedIndex(string folder) => Folder = folder;

    public string Folder { get; }

    public PolicySearchIndex Index { get; private set; } = null!;

    public string CorpusFolder => Path.Combine(Folder, "corpus");

    /// <summary>The seed corpus minus <paramref name="heldBack"/> files, indexed with <paramref name="options"/> (default: the local model).</summary>
    public static async Task<EmbeddedIndex> IndexedAsync(int heldBack = 0, EmbeddingsOptions? options = null)
    {
        var index = new EmbeddedIndex(Path.Combine(Path.GetTempPath(), "policysearch-embeddings-" + Guid.NewGuid().ToString("N")));
        Directory.CreateDirectory(index.CorpusFolder);
        string[] files = Directory.GetFiles(SeedIndex.RepositoryCorpus()).Order(StringComparer.Ordinal).ToArray();
        foreach (string file in files[..^heldBack])
            File.Copy(file, Path.Combine(index.CorpusFolder, Path.GetFileName(file)));
        await index.ReopenAsync(options ?? new EmbeddingsOptions());
        IndexReport report = await index.Index.IndexAsync();
        Assert.Empty(report.Errors);
        return index;
    }

    /// <summary>A second handle on the same index file, as another process would open it.</summary>
    public static async Task<EmbeddedIndex> OpenSameAsync(EmbeddedIndex index)
    {
        var other = new EmbeddedIndex(index.Folder) { _shared = true };
        await other.ReopenAsync(new EmbeddingsOptions());
        return other;
    }

    private bool _shared;

    /// <summary>Copies a seed file that was held back into the corpus folder; returns its path.</summary>
    public string AddHeldBackFile(int fromEnd)
    {
        string[] files = Directory.GetFiles(SeedIndex.RepositoryCorpus()).Order(StringComparer.Ordinal).ToArray();
        string target = Path.Combine(CorpusFolder, Path.GetFileName(files[^fromEnd]));
        File.Copy(files[^fromEnd], target);
        return target;
    }

    /// <summary>Opens the same file again with <paramref name="options"/>, as another process would.</summary>
    public async Task ReopenAsync(EmbeddingsOptions options, HttpClient? httpClient = null)
    {
        Index?.Dispose();
        Index = await PolicySearchIndex.OpenAsync(
            new IndexOptions { Path = Path.Combine(Folder, "index.db"), CorpusPath = CorpusFolder },
            searchOptions: null, options, httpClient);
    }

    public Task<SearchResponse> SearchAsync(string query, SearchMode mode) =>
        Index.SearchAsync(new SearchRequest { Query = query, Mode = mode });

    public ValueTask DisposeAsync()
    {
        Index.Dispose();
        if (_shared)
            return ValueTask.CompletedTask;
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { /* a file still held open only leaves a temp folder behind */ }
        return ValueTask.CompletedTask;
    }
}
