using System.IO.Compression;
using System.Text;
using PolicySearch.Ingestion.Readers;

namespace PolicySearch.Ingestion.Tests.Readers;

public sealed class JsonlDocumentStreamTests : IDisposable
{
    private static readonly string[] Lines =
    [
        """{"id": "H6021137", "title": "Motion 2018/19:1137 av Malin Larsson (S): Vräkningsförebyggande åtgärder", "date": "2018-11-27", "author": "Malin Larsson (S)", "source": "data.riksdagen.se", "text": "Motion till riksdagen\n\nVräkningar ska förebyggas.", "doctype": "mot", "parties": ["S"], "riksmote": "2018/19"}""",
        """{"id": "broken", "text": """,
        "",
        """{"id": "H7", "title": "Utan text", "text": "  "}""",
        """{"id": "H8", "title": "Konstigt datum", "date": "27/11/2018", "text": "Text."}""",
        """{"title": "Utan id", "text": "Text."}""",
        """{"id": "H9", "title": null, "date": null, "author": null, "text": "Betänkande om bostäder.", "doctype": "bet", "parties": null}""",
        "[1, 2]",
    ];

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("dokument.jsonl.gz", true)]
    [InlineData("dokument.jsonl", false)]
    public async Task Documents_stream_line_by_line_and_malformed_lines_become_errors(string name, bool gzip)
    {
        string path = _folder.File(name, gzip ? Gzip(string.Join('\n', Lines)) : Encoding.UTF8.GetBytes(string.Join('\n', Lines)));

        List<JsonlRecord> records = await ReadAllAsync(JsonlDocumentStream.ReadAsync(path));

        Assert.Equal([1, 2, 4, 5, 6, 7, 8], records.Select(record => record.LineNumber));
        JsonlDocument motion = records[0].Document!;
        Assert.Equal(new JsonlDocument("H6021137", "Motion 2018/19:1137 av Malin Larsson (S): Vräkningsförebyggande åtgärder",
            new DateOnly(2018, 11, 27), "Malin Larsson (S)", "Motion till riksdagen\n\nVräkningar ska förebyggas.", "mot", motion.Parties), motion);
        Assert.Equal(["S"], motion.Parties);
        Assert.StartsWith($"{path}: rad 2: ogiltig JSON (", records[1].Error, StringComparison.Ordinal);
        Assert.Equal($"{path}: rad 4: dokument H7 saknar \"text\".", records[2].Error);
        Assert.Equal($"{path}: rad 5: dokument H8 har ett datum som inte är ÅÅÅÅ-MM-DD: \"27/11/2018\".", records[3].Error);
        Assert.Equal($"{path}: rad 6: \"id\" saknas.", records[4].Error);
        Assert.Equal(new JsonlDocument("H9", "H9", null, null, "Betänkande om bostäder.", "bet", records[5].Document!.Parties), records[5].Document);
        Assert.Empty(records[5].Document!.Parties);
        Assert.StartsWith($"{path}: rad 8: ogiltig JSON (", records[6].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Damaged_gzip_data_ends_the_stream_with_a_clear_error()
    {
        byte[] gzip = Gzip(ManyDocuments(2000));
        Array.Fill(gzip, (byte)0xFF, gzip.Length / 2, 64);
        string path = _folder.File("trasig.jsonl.gz", gzip);
        var read = new List<JsonlRecord>();

        var error = await Assert.ThrowsAsync<IngestionException>(async () =>
        {
            await foreach (JsonlRecord record in JsonlDocumentStream.ReadAsync(path))
                read.Add(record);
        });

        Assert.NotEmpty(read);
        Assert.StartsWith($"{path}: skadad gzip-data efter rad ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_gzip_file_ends_with_an_error_for_its_cut_line()
    {
        // .NET's GZipStream ends quietly at a truncated member, so the cut shows as a malformed last line.
        byte[] gzip = Gzip(ManyDocuments(2000));
        string path = _folder.File("halv.jsonl.gz", gzip[..(gzip.Length / 2)]);

        List<JsonlRecord> records = await ReadAllAsync(JsonlDocumentStream.ReadAsync(path));

        Assert.InRange(records.Count, 2, 1999);
        Assert.All(records[..^1], record => Assert.False(record.IsError));
        Assert.Contains(": ogiltig JSON (", records[^1].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_a_clear_error()
    {
        string path = Path.Combine(_folder.Path, "saknas.jsonl.gz");

        var error = await Assert.ThrowsAsync<IngestionException>(() => ReadAllAsync(JsonlDocumentStream.ReadAsync(path)));

        Assert.StartsWith($"{path}: kan inte öppnas (", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_that_cannot_seek_is_recognised_as_gzip_by_its_name()
    {
        using var upload = new ForwardOnlyStream(Gzip(Lines[0]));

        JsonlRecord record = Assert.Single(await ReadAllAsync(JsonlDocumentStream.ReadAsync("upload.jsonl.gz", upload)));

        Assert.Equal("H6021137", record.Document!.Id);
    }

    [Fact]
    public async Task Cancellation_stops_the_stream()
    {
        string path = _folder.File("dokument.jsonl.gz", Gzip(string.Join('\n', Lines)));
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ReadAllAsync(JsonlDocumentStream.ReadAsync(path, cancellation.Token)));
    }

    [BenchCorpusFact]
    public async Task The_bench_corpus_reads_without_errors()
    {
        string path = Path.Combine(BenchCorpusFactAttribute.Folder!, "riksdagen-dokument-2018-2021.jsonl.gz");
        int count = 0;
        await foreach (JsonlRecord record in JsonlDocumentStream.ReadAsync(path))
        {
            Assert.Null(record.Error);
            Assert.False(string.IsNullOrWhiteSpace(record.Document!.Text));
            if (++count == 500)
                break;
        }
        Assert.Equal(500, count);
    }

    private static async Task<List<JsonlRecord>> ReadAllAsync(IAsyncEnumerable<JsonlRecord> records)
    {
        var list = new List<JsonlRecord>();
        await foreach (JsonlRecord record in records)
            list.Add(record);
        return list;
    }

    private static string ManyDocuments(int count) =>
        string.Join('\n', Enumerable.Range(0, count).Select(i => $$"""{"id": "D{{i}}", "text": "Dokument {{i}} om ärende {{i * 7919 % 10007}}/{{i * 104729 % 65521}}."}"""));

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
            gzip.Write(Encoding.UTF8.GetBytes(text));
        return output.ToArray();
    }

    private sealed class ForwardOnlyStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}

/// <summary>A fact that needs the shared bench corpus (never committed); skipped with a message when it is absent.</summary>
internal sealed class BenchCorpusFactAttribute : FactAttribute
{
    public BenchCorpusFactAttribute()
    {
        if (Folder is null)
            Skip = "shared/bench-corpus not found above the repository; the bench corpus is not part of a clean clone.";
    }

    /// <summary>The first <c>shared/bench-corpus</c> folder above the test binaries, or null.</summary>
    public static string? Folder { get; } = FindFolder();

    private static string? FindFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            string candidate = Path.Combine(folder.FullName, "shared", "bench-corpus");
            if (Directory.Exists(candidate))
                return candidate;
        }
        return null;
    }
}
