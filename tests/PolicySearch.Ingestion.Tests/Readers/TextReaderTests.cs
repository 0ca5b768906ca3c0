using System.Text;
using PolicySearch.Ingestion.Readers;

namespace PolicySearch.Ingestion.Tests.Readers;

public sealed class TextReaderTests : IDisposable
{
    private const string Swedish = "Förvaltningens förslag till beslut\n\nStadsdelsnämnden beslutar att lämna – ”svar” på remissen.\n";

    private readonly TempFolder _folder = new();
    private readonly DocumentReader _reader = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("utf8.txt", false)]
    [InlineData("utf8-bom.md", true)]
    public async Task Utf8_with_or_without_bom_is_read_as_written(string name, bool bom)
    {
        byte[] bytes = [.. (bom ? Encoding.UTF8.GetPreamble() : []), .. Encoding.UTF8.GetBytes(Swedish)];

        ExtractedText text = await _reader.ReadAsync(_folder.File(name, bytes));

        ExtractedPage page = Assert.Single(text.Pages);
        Assert.Null(page.Number);
        Assert.Equal(Swedish, page.Text);
        Assert.Equal(name.EndsWith(".md", StringComparison.Ordinal) ? SourceFormat.Markdown : SourceFormat.Text, text.Format);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Utf16_with_bom_is_converted(bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        byte[] bytes = [.. encoding.GetPreamble(), .. encoding.GetBytes(Swedish)];

        ExtractedText text = await _reader.ReadAsync(_folder.File("utf16.txt", bytes));

        Assert.Equal(Swedish, text.FullText);
    }

    [Fact]
    public async Task Windows_1252_is_detected_and_converted()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        byte[] bytes = Encoding.GetEncoding(1252).GetBytes(Swedish);
        Assert.False(System.Text.Unicode.Utf8.IsValid(bytes));

        ExtractedText text = await _reader.ReadAsync(_folder.File("ansi.txt", bytes));

        Assert.Equal(Swedish, text.FullText);
    }

    [Fact]
    public async Task Damaged_utf8_is_refused_with_the_place_of_the_damage()
    {
        byte[] good = Encoding.UTF8.GetBytes(Swedish);
        byte[] bytes = [.. good, 0xC3, (byte)'x', .. good];
        string path = _folder.File("damaged.txt", bytes);

        var error = await Assert.ThrowsAsync<IngestionException>(() => _reader.ReadAsync(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains($"ogiltig UTF-8 vid byte {good.Length} (rad 4)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Binary_garbage_with_a_txt_name_is_refused()
    {
        byte[] bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        string path = _folder.File("garbage.txt", bytes);

        var error = await Assert.ThrowsAsync<IngestionException>(() => _reader.ReadAsync(path));

        Assert.Contains("binärt innehåll", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Control_characters_without_nul_are_refused_as_binary()
    {
        string text = string.Concat(Enumerable.Repeat("ab\u0001\u0002", 100));
        string path = _folder.File("controls.md", text);

        var error = await Assert.ThrowsAsync<IngestionException>(() => _reader.ReadAsync(path));

        Assert.Contains("styrtecken", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "filen är tom (0 byte)")]
    [InlineData(" \n\n \t\n", "innehåller ingen text")]
    public async Task Empty_files_are_refused(string content, string expected)
    {
        string path = _folder.File("empty.txt", content);

        var error = await Assert.ThrowsAsync<IngestionException>(() => _reader.ReadAsync(path));

        Assert.Equal($"{path}: {expected}.", error.Message);
    }

    [Fact]
    public async Task Unknown_extension_is_refused_naming_the_supported_ones()
    {
        string path = _folder.File("notes.rtf", Swedish);

        var error = await Assert.ThrowsAsync<IngestionException>(() => _reader.ReadAsync(path));

        Assert.Contains("filtypen '.rtf' stöds inte", error.Message, StringComparison.Ordinal);
        Assert.Contains(".txt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_200_MB_file_is_refused_by_its_size_before_it_is_read()
    {
        string path = Path.Combine(_folder.Path, "huge.txt");
        using (var stream = File.Create(path))
            stream.SetLength(200L * 1024 * 1024);

        var error = await Assert.ThrowsAsync<IngestionException>(() => _reader.ReadAsync(path));

        Assert.Contains("större än gränsen 100 MB (Readers:MaxFileBytes)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_50_MB_single_line_is_refused_by_the_text_length_limit()
    {
        string path = WriteOneLine("one-line.txt", megabytes: 50);

        var error = await Assert.ThrowsAsync<IngestionException>(() => _reader.ReadAsync(path));

        Assert.Contains("52 428 800 tecken text, mer än gränsen 20 000 000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_2_MB_single_line_is_refused_as_not_document_text()
    {
        string path = WriteOneLine("one-line.md", megabytes: 2);

        var error = await Assert.ThrowsAsync<IngestionException>(() => _reader.ReadAsync(path));

        Assert.Contains("en rad på 2 097 152 tecken, mer än gränsen 1 000 000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_stream_is_refused_as_soon_as_it_passes_the_size_limit()
    {
        var reader = new DocumentReader(new ReaderOptions { MaxFileBytes = 1000 });
        using var upload = new MemoryStream(new byte[1024 * 1024]);

        var error = await Assert.ThrowsAsync<IngestionException>(() => reader.ReadAsync("upload.txt", upload));

        Assert.StartsWith("upload.txt: filen är större än gränsen", error.Message, StringComparison.Ordinal);
        Assert.True(upload.Position < upload.Length);
    }

    [Fact]
    public void In_memory_content_is_read_like_a_file()
    {
        ExtractedText text = _reader.Read("upload.md", Encoding.UTF8.GetBytes(Swedish));

        Assert.Equal(Swedish, text.FullText);
        Assert.Equal(SourceFormat.Markdown, text.Format);
    }

    [Fact]
    public async Task The_seed_documents_are_read_exactly_as_written()
    {
        string corpus = Path.Combine(RepositoryRoot(), "corpus");
        string[] seeds = Directory.GetFiles(corpus, "*.txt");
        Assert.Equal(5, seeds.Length);

        foreach (string seed in seeds)
        {
            ExtractedText text = await _reader.ReadAsync(seed);
            Assert.Equal(await File.ReadAllTextAsync(seed), text.FullText);
        }
    }

    private string WriteOneLine(string name, int megabytes)
    {
        string path = Path.Combine(_folder.Path, name);
        using var stream = File.Create(path);
        byte[] block = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("ord ", 256 * 1024)));
        for (int i = 0; i < megabytes; i++)
            stream.Write(block);
        return path;
    }

    internal static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "PolicySearch.sln")))
            folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("PolicySearch.sln not found above the test binaries.");
    }
}
