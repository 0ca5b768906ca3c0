using System.IO.Compression;
using System.Text.Json;
using PolicySearch.Embeddings;

namespace PolicySearch.Search.Tests.Embedding;

/// <summary>A gzipped JSONL document stream gets the local model and vectors just as a folder of files does.</summary>
public sealed class JsonlEmbeddingTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_first_stream_trains_the_local_model_and_embeds_every_passage_with_progress()
    {
        string stream = WriteStream("dokument.jsonl.gz", SeedRecords());
        using PolicySearchIndex index = await OpenAsync();
        var progress = new Recorder();

        IndexReport report = await index.IndexJsonlAsync(stream, progress);

        IndexStats stats = await index.GetStatsAsync();
        Assert.Empty(report.Errors);
        Assert.True(stats.Passages > 0);
        Assert.Equal(stats.Passages, stats.Vectors);
        Assert.StartsWith("local-char35-svd128-", stats.EmbeddingModel, StringComparison.Ordinal);
        Assert.NotNull(report.Embedding);
        Assert.Equal(stats.Passages, report.Embedding.Passages);
        Assert.True(report.Embedding.ModelBytes > 0);
        Assert.True(report.AnalysisTime > TimeSpan.Zero);
        Assert.True(report.WriteTime > TimeSpan.Zero);
        Assert.InRange(report.FtsTime, TimeSpan.FromTicks(1), report.WriteTime);
        // Files first, then training, then embedding up to every passage.
        List<EmbeddingProgress> embedding = progress.Values.Select(p => p.Embedding).OfType<EmbeddingProgress>().ToList();
        Assert.Contains(progress.Values, p => p.Embedding is null && p.CurrentFile is not null);
        Assert.True(embedding[0].Training);
        Assert.Equal(stats.Passages, embedding[^1].Embedded);
        Assert.Equal(stats.Passages, embedding[^1].Total);
        SearchResponse semantic = await index.SearchAsync(new SearchRequest { Query = "kameraovervakning", Mode = SearchMode.Semantic });
        Assert.NotEmpty(semantic.Hits);
    }

    [Fact]
    public async Task Later_streams_are_embedded_with_the_existing_model_and_an_unchanged_stream_does_not_retrain()
    {
        var records = SeedRecords();
        string first = WriteStream("dokument.jsonl.gz", records[..^1]);
        using PolicySearchIndex index = await OpenAsync();
        await index.IndexJsonlAsync(first);
        IndexStats before = await index.GetStatsAsync();

        IndexReport again = await index.IndexJsonlAsync(first);
        IndexReport more = await index.IndexJsonlAsync(WriteStream("fler.jsonl.gz", records[^1..]));

        IndexStats after = await index.GetStatsAsync();
        Assert.Equal(records.Length - 1, again.FilesUnchanged);
        Assert.Null(again.Embedding);
        Assert.Equal(1, more.FilesIndexed);
        Assert.Null(more.Embedding);
        Assert.Equal(before.EmbeddingModel, after.EmbeddingModel);
        Assert.True(after.Passages > before.Passages);
        Assert.Equal(after.Passages, after.Vectors);
    }

    private Task<PolicySearchIndex> OpenAsync() =>
        PolicySearchIndex.OpenAsync(new IndexOptions { Path = Path.Combine(_folder.Path, "index.db"), CorpusPath = _folder.Path },
            searchOptions: null, new EmbeddingsOptions());

    /// <summary>One JSONL record per seed corpus file, as the Riksdag export writes them.</summary>
    private static Dictionary<string, string?>[] SeedRecords() =>
        Directory.GetFiles(SeedIndex.RepositoryCorpus()).Order(StringComparer.Ordinal)
            .Select((file, i) => new Dictionary<string, string?>
            {
                ["id"] = $"H{i}",
                ["title"] = File.ReadLines(file).First(),
                ["date"] = "2020-05-1" + i,
                ["author"] = null,
                ["text"] = File.ReadAllText(file),
            })
            .ToArray();

    private string WriteStream(string name, IEnumerable<Dictionary<string, string?>> records)
    {
        string path = Path.Combine(_folder.Path, name);
        using var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest);
        using var writer = new StreamWriter(gzip);
        foreach (var record in records)
            writer.WriteLine(JsonSerializer.Serialize(record));
        return path;
    }

    /// <summary>Records progress synchronously, in order (<see cref="Progress{T}"/> would post to the thread pool).</summary>
    private sealed class Recorder : IProgress<IndexProgress>
    {
        public List<IndexProgress> Values { get; } = [];

        public void Report(IndexProgress value)
        {
            lock (Values) Values.Add(value);
        }
    }
}
