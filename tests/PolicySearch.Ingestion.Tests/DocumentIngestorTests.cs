using System.Text;
using PolicySearch.Ingestion.Tests.Readers;

namespace PolicySearch.Ingestion.Tests;

public class DocumentIngestorTests
{
    private readonly DocumentIngestor _ingestor = new();

    public static TheoryData<string, byte[]> BadFiles => new()
    {
        { "empty.txt", [] },
        { "blank.txt", Encoding.UTF8.GetBytes(" \n\n   \n") },
        { "binary.txt", [0x00, 0x01, 0x02, 0xFF, 0x00, 0x10, 0x80, 0x00] },
        { "latin.txt", [0x48, 0xE4, 0x6C, 0x6C, 0x6F, 0xFF, 0xFE, 0x00, 0xC3] },
        { "truncated.docx", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00] },
        { "unknown.xyz", Encoding.UTF8.GetBytes("text") },
        { "markup.md", Encoding.UTF8.GetBytes("#\n\n**\n\n* \n") },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Bad_input_is_an_ingestion_error_naming_the_file(string name, byte[] bytes)
    {
        var ex = Assert.Throws<IngestionException>(() => _ingestor.Ingest(name, bytes));

        Assert.Contains(name, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_an_ingestion_error_in_swedish()
    {
        string path = Path.Combine(Path.GetTempPath(), "no-such-policysearch-file.txt");

        var ingesting = await Assert.ThrowsAsync<IngestionException>(() => _ingestor.IngestAsync(path));
        var hashing = await Assert.ThrowsAsync<IngestionException>(() => DocumentIngestor.HashFileAsync(path));

        Assert.Equal($"{path}: filen finns inte.", ingesting.Message);
        Assert.Equal(ingesting.Message, hashing.Message);
    }

    [Fact]
    public async Task An_unreadable_file_is_an_ingestion_error_in_swedish_unless_the_process_may_read_anyway()
    {
        using var folder = new TempFolder();
        string path = folder.File("låst.txt", "Förvaltningen anser att parken behövs.");
        Permissions.Set(path, UnixFileMode.None);

        var ingesting = await Record.ExceptionAsync(() => _ingestor.IngestAsync(path));
        var hashing = await Record.ExceptionAsync(() => DocumentIngestor.HashFileAsync(path));

        if (Permissions.AreEnforced(path))
        {
            Assert.Equal($"{path}: åtkomst nekad (ingen läsbehörighet).", Assert.IsType<IngestionException>(ingesting).Message);
            Assert.Equal($"{path}: åtkomst nekad (ingen läsbehörighet).", Assert.IsType<IngestionException>(hashing).Message);
        }
        else
        {
            // Root reads anything (many CI containers run as root): then the file is simply a good one.
            Assert.Null(ingesting);
            Assert.Null(hashing);
        }
    }

    [Fact]
    public void A_word_documents_page_header_gives_its_metadata_but_no_passage_text()
    {
        Document document = _ingestor.Ingest("stråk.docx", DocxReaderTests.WithPageHeader());

        Assert.Equal(["SK 2019/78"], document.Metadata.Dnrs);
        Assert.Equal("tjänsteutlåtande", document.Metadata.DocumentType);
        Assert.All(document.Passages, p => Assert.DoesNotContain("Sida 1", p.Text, StringComparison.Ordinal));
        Assert.DoesNotContain("Dnr", document.CleanText, StringComparison.Ordinal);
    }

    [Fact]
    public void One_very_long_line_is_ingested_or_refused_cleanly()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("trygghet och säkerhet ", 200_000)));

        Exception? ex = Record.Exception(() => _ingestor.Ingest("one-line.txt", bytes));

        Assert.True(ex is null or IngestionException, ex?.ToString());
    }

    [Fact]
    public void A_large_document_of_wrapped_lines_without_any_break_is_cut_into_bounded_passages()
    {
        // 2.4 MB of one paragraph wrapped at 60 columns, without a single sentence end.
        string line = "trygghet och säkerhet i staden kräver samverkan mellan alla ";
        byte[] bytes = Encoding.UTF8.GetBytes(string.Join('\n', Enumerable.Repeat(line, 40_000)));

        Document document = _ingestor.Ingest("stor.txt", bytes);

        Assert.True(document.Passages.Count > 1000);
        Assert.All(document.Passages, p => Assert.InRange(p.Text.Length, 1, 1500));
        Assert.All(document.Passages, p => Assert.Equal(document.CleanText[p.Start..p.End], p.Text));
    }

    [Fact]
    public void Many_sentences_broken_across_blank_lines_are_joined()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Förvaltningen anser att\n\narbetet fortsätter. ", 20_000)));

        Document document = _ingestor.Ingest("brutna.txt", bytes);

        Assert.DoesNotContain("att\n", document.CleanText, StringComparison.Ordinal);
        Assert.StartsWith("Förvaltningen anser att arbetet fortsätter. Förvaltningen", document.Passages[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestAsync_reads_the_file_and_hashes_its_bytes()
    {
        string path = Seeds.PathOf("004");

        Document document = await _ingestor.IngestAsync(path);

        Assert.Equal(path, document.SourcePath);
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(path))), document.ContentHash);
        Assert.Equal(Seeds.Get("004").CleanText, document.CleanText);
    }

    [Fact]
    public async Task A_file_hashed_beforehand_is_ingested_with_that_hash_which_equals_its_own()
    {
        string path = Seeds.PathOf("004");

        var (hash, bytes) = await DocumentIngestor.HashFileAsync(path);
        Document hashedBefore = await _ingestor.IngestAsync(path, hash);
        Document taggedByCaller = await _ingestor.IngestAsync(path, "CALLER-HASH");

        Assert.Equal(new FileInfo(path).Length, bytes);
        Assert.Equal((await _ingestor.IngestAsync(path)).ContentHash, hash);
        Assert.Equal(hash, hashedBefore.ContentHash);
        Assert.Equal("CALLER-HASH", taggedByCaller.ContentHash);
        Assert.Equal(hashedBefore.CleanText, taggedByCaller.CleanText);
    }

    [Fact]
    public void Html_headings_lists_and_reservations_become_sections_passages_and_speakers()
    {
        const string html = """
            <html><body><main>
            <h1>Yttrande över trygghetsprogrammet</h1>
            <p>Farsta stadsdelsnämnd beslutar att godkänna förvaltningens tjänsteutlåtande.</p>
            <h2>Förvaltningens synpunkter</h2>
            <p>Förvaltningen anser att kameraövervakning bör <em>prövas</em>:</p>
            <ul><li>Trygghetsvandringar</li><li>Grannsamverkan</li></ul>
            <h2>Reservation</h2>
            <p>Ledamoten Karin Ek (M) reserverar sig till förmån för eget förslag.</p>
            </main></body></html>
            """;

        Document document = _ingestor.Ingest("yttrande.html", Encoding.UTF8.GetBytes(html));

        Assert.Equal("Yttrande över trygghetsprogrammet", document.Metadata.Title);
        Assert.Equal("yttrande", document.Metadata.DocumentType);
        Assert.Equal(["Yttrande över trygghetsprogrammet", "Förvaltningens synpunkter", "Reservation"], document.Passages.Select(p => p.Section));
        Assert.Equal("Förvaltningens synpunkter\n\nFörvaltningen anser att kameraövervakning bör prövas:\n\n- Trygghetsvandringar\n\n- Grannsamverkan", document.Passages[1].Text);
        Assert.Equal(new Speaker("Farsta stadsdelsnämnd", SpeakerKind.Nämnd), document.Passages[1].Speaker);
        Assert.Equal(new Speaker("Moderaterna", SpeakerKind.Party, "M") { Persons = "Karin Ek" }, document.Passages[2].Speaker);
    }

    [Fact]
    public void A_document_from_an_unknown_body_still_has_a_speaker()
    {
        Document document = _ingestor.Ingest("okand.txt", Encoding.UTF8.GetBytes("Rubrik\n\nEn text om trygghet i en förening som ingen känner till."));

        Assert.Equal("Okänd avsändare", Assert.Single(document.Passages).Speaker.Name);
        Assert.Null(document.Metadata.DocumentType);
        Assert.Equal("Rubrik", document.Metadata.Title);
    }
}
