using System.Text;
using PolicySearch.Ingestion.Readers;

namespace PolicySearch.Ingestion.Tests.Readers;

/// <summary>A folder of good documents mixed with every kind of bad file: each bad one gets its own clear error, the rest are read.</summary>
public sealed class BadFilesTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Every_bad_file_gets_a_clear_error_and_every_good_file_is_read()
    {
        var good = new List<string>();
        foreach (string seed in Directory.GetFiles(Path.Combine(TextReaderTests.RepositoryRoot(), "corpus"), "*.txt"))
            good.Add(_folder.File(Path.Combine("seeds", Path.GetFileName(seed)), File.ReadAllBytes(seed)));
        good.Add(_folder.File("web/sida.html", "<main><h1>Trygghet</h1><p>Text.</p></main>"));
        good.Add(_folder.File("word/svar.docx", DocxFactory.Create((body, _) => body.Append(DocxFactory.Paragraph("Förvaltningen anser.")))));

        byte[] garbage = new byte[10_000];
        new Random(3).NextBytes(garbage);
        var expected = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [_folder.File("bad/empty.txt", [])] = "filen är tom (0 byte)",
            [_folder.File("bad/garbage.txt", garbage)] = "binärt innehåll",
            [_folder.File("bad/invalid-utf8.md", [.. Encoding.UTF8.GetBytes("Förvaltningen "), 0xE4, 0x28, .. Encoding.UTF8.GetBytes(" anser")])] = "ogiltig UTF-8 vid byte 15",
            [_folder.File("bad/one-line.txt", Encoding.ASCII.GetBytes(new string('x', 3_000_000)))] = "en rad på 3 000 000 tecken",
            [_folder.File("bad/not-a-zip.docx", Encoding.UTF8.GetBytes("hej"))] = "inte en .docx (inte ett zip-arkiv)",
            [_folder.File("bad/bomb.docx", DocxFactory.ZipBomb(megabytes: 32))] = "möjlig zip-bomb",
            [_folder.File("bad/damaged.pdf", Encoding.ASCII.GetBytes("%PDF-1.4\nnot really"))] = PdfToTextFactAttribute.IsInstalled ? "pdftotext kunde inte läsa PDF-filen" : "poppler-utils",
        };
        string huge = Path.Combine(_folder.Path, "bad", "huge.txt");
        using (FileStream stream = File.Create(huge))
            stream.SetLength(200L * 1024 * 1024);
        expected[huge] = "större än gränsen 100 MB";
        string locked = _folder.File("bad/locked.txt", "Hemlig text.");
        Permissions.Set(locked, UnixFileMode.None);
        if (Permissions.AreEnforced(locked))
            expected[locked] = "åtkomst nekad";
        else
            good.Add(locked);
        string loop = Path.Combine(_folder.Path, "bad", "loop");
        Directory.CreateSymbolicLink(loop, _folder.Path);
        expected[loop] = "symbolisk länk i en slinga";

        var read = new List<string>();
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var reader = new DocumentReader();
        foreach (SourceFile file in DocumentSource.Enumerate([_folder.Path]))
        {
            if (file.IsError)
            {
                errors.Add(file.Path, file.Error!);
                continue;
            }
            try
            {
                ExtractedText text = await reader.ReadAsync(file.Path);
                Assert.False(string.IsNullOrWhiteSpace(text.FullText));
                read.Add(file.Path);
            }
            catch (IngestionException ex)
            {
                errors.Add(file.Path, ex.Message);
            }
        }

        Assert.Equal(good.Order(StringComparer.Ordinal), read.Order(StringComparer.Ordinal));
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), errors.Keys.Order(StringComparer.Ordinal));
        foreach ((string path, string message) in errors)
        {
            Assert.StartsWith(path + ": ", message, StringComparison.Ordinal);
            Assert.Contains(expected[path], message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain('\n', message);
        }
    }
}
