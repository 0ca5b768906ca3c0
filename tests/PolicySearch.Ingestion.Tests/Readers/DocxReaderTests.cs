using System.Text;
using DocumentFormat.OpenXml.Wordprocessing;
using PolicySearch.Ingestion.Readers;
using static PolicySearch.Ingestion.Tests.Readers.DocxFactory;

namespace PolicySearch.Ingestion.Tests.Readers;

public sealed class DocxReaderTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly DocumentReader _reader = new();

    public void Dispose() => _folder.Dispose();

    private static byte[] Tjänsteutlåtande() => Create((body, main) =>
    {
        AddStyles(main,
            ParagraphStyle("Rubrik1", "heading 1"),
            ParagraphStyle("Underrubrik", "Mellanrubrik", basedOn: "Rubrik2"),
            ParagraphStyle("Rubrik2", "heading 2"));
        body.Append(
            Paragraph("Svar på remiss om trygghet", "Rubrik1"),
            Paragraph("Förvaltningen anser att  trygghetskameror kan vara ett stöd."),
            Paragraph("Bakgrund", "Underrubrik"),
            Paragraph("Nämnden föreslår:"),
            Paragraph("fler kameror", listLevel: 0),
            Paragraph("vid tunnelbanan", listLevel: 1),
            Paragraph("bättre belysning", listLevel: 0),
            Table(["Nämnd", "Beslut"], ["Skärholmen", "Tillstyrker"]),
            Paragraph("Beslutet fattas i december.", "Heading3"),
            new Paragraph(new Run(new Text("Susanne Leinsköld"), new Break(), new Text("Stadsdelsdirektör"))));
    });

    [Fact]
    public async Task Headings_lists_tables_and_paragraphs_become_markdown_lines()
    {
        ExtractedText text = await _reader.ReadAsync(_folder.File("svar.docx", Tjänsteutlåtande()));

        Assert.Equal(SourceFormat.Docx, text.Format);
        Assert.Null(Assert.Single(text.Pages).Number);
        Assert.Equal("""
            # Svar på remiss om trygghet

            Förvaltningen anser att trygghetskameror kan vara ett stöd.

            ## Bakgrund

            Nämnden föreslår:

            - fler kameror
              - vid tunnelbanan
            - bättre belysning

            Nämnd | Beslut
            Skärholmen | Tillstyrker

            ### Beslutet fattas i december.

            Susanne Leinsköld
            Stadsdelsdirektör
            """, text.FullText);
    }

    /// <summary>A Stockholm template: förvaltning, document type and Dnr in the page header, a tab between them.</summary>
    internal static byte[] WithPageHeader() => Create((body, main) =>
    {
        body.Append(
            Paragraph("Pollinatörsstråk i Sätraskogen", "Heading1"),
            Paragraph("Förvaltningen föreslår att nämnden anlägger pollinatörsstråk längs gångvägarna."));
        AddHeader(body, main,
            Table(["Skärholmens stadsdelsförvaltning", "Sida 1 (2)"]),
            new Paragraph(new Run(new Text("Tjänsteutlåtande"), new TabChar(), new Text("Dnr SK 2019/78"))));
    });

    [Fact]
    public async Task Page_header_lines_come_apart_from_the_body()
    {
        ExtractedText text = await _reader.ReadAsync(_folder.File("stråk.docx", WithPageHeader()));

        Assert.Equal(["Skärholmens stadsdelsförvaltning", "Sida 1 (2)", "Tjänsteutlåtande Dnr SK 2019/78"], text.Furniture);
        Assert.DoesNotContain("Dnr", text.FullText, StringComparison.Ordinal);
        Assert.StartsWith("# Pollinatörsstråk i Sätraskogen", text.FullText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_zip_is_refused()
    {
        var error = Assert.Throws<IngestionException>(() => _reader.Read("brev.docx", Encoding.UTF8.GetBytes("Detta är ingen docx")));

        Assert.Equal("brev.docx: inte en .docx (inte ett zip-arkiv).", error.Message);
    }

    [Fact]
    public void An_old_word_file_renamed_to_docx_is_refused_saying_what_it_is()
    {
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];

        var error = Assert.Throws<IngestionException>(() => _reader.Read("gammal.docx", ole));

        Assert.Contains("Word 97-2003 .doc", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_docx_is_refused()
    {
        byte[] whole = Tjänsteutlåtande();
        string path = _folder.File("halv.docx", whole[..(whole.Length / 2)]);

        var error = await Assert.ThrowsAsync<IngestionException>(() => _reader.ReadAsync(path));

        Assert.StartsWith($"{path}: skadad eller avkortad .docx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_bomb_is_refused_before_it_is_unpacked()
    {
        byte[] bomb = ZipBomb(megabytes: 64);
        Assert.True(bomb.Length < 1024 * 1024);

        var error = Assert.Throws<IngestionException>(() => _reader.Read("bomb.docx", bomb));

        Assert.Contains("delen 'word/document.xml' är komprimerad", error.Message, StringComparison.Ordinal);
        Assert.Contains("möjlig zip-bomb", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_docx_unpacking_beyond_the_size_limit_is_refused()
    {
        var reader = new DocumentReader(new ReaderOptions { MaxDocxUncompressedBytes = 1000 });

        var error = Assert.Throws<IngestionException>(() => reader.Read("stor.docx", Tjänsteutlåtande()));

        Assert.Contains("packas upp till mer än 1 000 byte (Readers:MaxDocxUncompressedBytes)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_docx_with_more_text_than_the_limit_is_refused()
    {
        var reader = new DocumentReader(new ReaderOptions { MaxExtractedCharacters = 50 });

        var error = Assert.Throws<IngestionException>(() => reader.Read("lång.docx", Tjänsteutlåtande()));

        Assert.Equal("lång.docx: mer än 50 tecken text (Readers:MaxExtractedCharacters).", error.Message);
    }

    [Fact]
    public void A_zip_that_is_not_a_word_document_is_refused()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("hej.txt").Open());
            writer.Write("hej");
        }

        var error = Assert.Throws<IngestionException>(() => _reader.Read("arkiv.docx", stream.ToArray()));

        Assert.Equal("arkiv.docx: ett zip-arkiv utan Word-dokument, inte en .docx.", error.Message);
    }

    [Fact]
    public void A_docx_without_text_is_refused()
    {
        byte[] empty = Create((body, _) => body.Append(new Paragraph()));

        var error = Assert.Throws<IngestionException>(() => _reader.Read("tom.docx", empty));

        Assert.Equal("tom.docx: innehåller ingen text.", error.Message);
    }
}
