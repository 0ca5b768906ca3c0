using PolicySearch.Ingestion.Readers;

namespace PolicySearch.Ingestion.Tests.Readers;

public sealed class PdfReaderTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly DocumentReader _reader = new();

    public void Dispose() => _folder.Dispose();

    [PdfToTextFact]
    public async Task Each_pdf_page_becomes_a_numbered_page()
    {
        byte[] pdf = PdfFactory.Create(
            ["Tjänsteutlåtande", "Förvaltningen anser (i sak) att"],
            ["Sida två: bryta en negativ", "utveckling hos barn och unga"]);
        string path = _folder.File("utlatande.pdf", pdf);

        ExtractedText text = await _reader.ReadAsync(path);

        Assert.Equal(SourceFormat.Pdf, text.Format);
        Assert.Equal([1, 2], text.Pages.Select(page => page.Number));
        Assert.Equal(["Tjänsteutlåtande", "Förvaltningen anser (i sak) att"], Lines(text.Pages[0]));
        Assert.Equal(["Sida två: bryta en negativ", "utveckling hos barn och unga"], Lines(text.Pages[1]));
    }

    [PdfToTextFact]
    public void An_uploaded_pdf_is_read_from_memory()
    {
        ExtractedText text = _reader.Read("upload.pdf", PdfFactory.Create(["Motion om trygghet"]));

        Assert.Equal("Motion om trygghet", Assert.Single(Lines(Assert.Single(text.Pages))));
    }

    [PdfToTextFact]
    public void A_damaged_pdf_is_refused_with_pdftotexts_reason()
    {
        byte[] pdf = PdfFactory.Create(["Text"]);

        var error = Assert.Throws<IngestionException>(() => _reader.Read("trasig.pdf", pdf[..(pdf.Length / 3)]));

        Assert.StartsWith("trasig.pdf: pdftotext kunde inte läsa PDF-filen (skadad, lösenordsskyddad eller inte en PDF: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [PdfToTextFact]
    public void A_pdf_without_a_text_layer_is_refused_with_a_hint()
    {
        var error = Assert.Throws<IngestionException>(() => _reader.Read("skannad.pdf", PdfFactory.Create([], [])));

        Assert.Equal("skannad.pdf: innehåller ingen text (en skannad PDF utan textlager?).", error.Message);
    }

    [Fact]
    public void A_missing_pdftotext_names_the_debian_package()
    {
        var reader = new DocumentReader(new ReaderOptions { PdfToTextPath = Path.Combine(_folder.Path, "no-such-pdftotext") });

        var error = Assert.Throws<IngestionException>(() => reader.Read("rapport.pdf", PdfFactory.Create(["Text"])));

        Assert.StartsWith("rapport.pdf: PDF-filer kan inte läsas eftersom", error.Message, StringComparison.Ordinal);
        Assert.Contains("installera Debian-paketet poppler-utils", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pdftotext_that_hangs_is_stopped_at_the_timeout()
    {
        string hanging = HangingPdfToText();
        var reader = new DocumentReader(new ReaderOptions { PdfToTextPath = hanging, ReadTimeout = TimeSpan.FromMilliseconds(300) });

        var error = await Assert.ThrowsAsync<IngestionException>(() => reader.ReadAsync("seg.pdf", new MemoryStream(PdfFactory.Create(["Text"]))));

        Assert.Equal("seg.pdf: läsningen blev inte klar inom 0,3 s (Readers:ReadTimeout).", error.Message);
    }

    [Fact]
    public async Task Cancellation_stops_pdftotext_and_is_not_reported_as_a_bad_file()
    {
        string hanging = HangingPdfToText();
        var reader = new DocumentReader(new ReaderOptions { PdfToTextPath = hanging });
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => reader.ReadAsync("seg.pdf", new MemoryStream(PdfFactory.Create(["Text"])), cancellation.Token));
    }

    private static string[] Lines(ExtractedPage page) =>
        page.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>An executable that stands in for pdftotext and never finishes.</summary>
    private string HangingPdfToText()
    {
        string path = _folder.File("hanging-pdftotext", "#!/bin/sh\nsleep 60\n");
        Permissions.Set(path, Permissions.Owner);
        return path;
    }
}
