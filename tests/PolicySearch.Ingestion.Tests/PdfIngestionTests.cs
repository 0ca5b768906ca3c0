using PolicySearch.Ingestion.Tests.Readers;

namespace PolicySearch.Ingestion.Tests;

/// <summary>A PDF end to end: per-page headers go, a sentence across the page break is whole, pages are cited.</summary>
public class PdfIngestionTests
{
    private static string[] Page(int number, params string[] body) =>
        ["Tjänsteutlåtande", "Dnr SK 2018/12", $"Sida {number} (3)", "", .. body, "", "Skärholmens stadsdelsförvaltning"];

    [PdfToTextFact]
    public void Page_headers_and_footers_are_removed_and_sentences_run_across_pages()
    {
        byte[] pdf = PdfFactory.Create(
            Page(1, "Sammanfattning", "Förvaltningen anser att arbetet med sociala insatsgrupper", "ska fortsätta och att det behövs mer samverkan med polisen", "för att bryta en negativ"),
            Page(2, "utveckling hos barn och unga i stadsdelen. Förvaltningen", "avser att under året undersöka behoven av kameror."),
            Page(3, "Bakgrund", "Kommunstyrelsen har skickat programmet på remiss till", "stadsdelsnämnderna."));

        Document document = new DocumentIngestor().Ingest("utlatande.pdf", pdf);

        Assert.DoesNotContain("Sida", document.CleanText, StringComparison.Ordinal);
        Assert.DoesNotContain("Skärholmens stadsdelsförvaltning", document.CleanText, StringComparison.Ordinal);
        Passage passage = document.PassageWith("för att bryta en negativ utveckling hos barn och unga i stadsdelen.");
        Assert.Equal(1, passage.Page);
        Assert.Equal("Sammanfattning", passage.Section);
        Assert.Equal("Skärholmens stadsdelsnämnd", passage.Speaker.Name);
        Assert.Equal(3, document.PassageWith("Kommunstyrelsen har skickat programmet").Page);
        Assert.Equal(["SK 2018/12"], document.Metadata.Dnrs);
        Assert.Equal("tjänsteutlåtande", document.Metadata.DocumentType);
    }

    [PdfToTextFact]
    public async Task An_uploaded_pdf_ingested_asynchronously_matches_the_blocking_read_and_stops_when_cancelled()
    {
        byte[] pdf = PdfFactory.Create(Page(1, "Sammanfattning", "Förvaltningen anser att arbetet med sociala insatsgrupper ska fortsätta."));
        var ingestor = new DocumentIngestor();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        Document awaited = await ingestor.IngestAsync("utlatande.pdf", pdf);
        Document blocking = ingestor.Ingest("utlatande.pdf", pdf);

        Assert.Equal(blocking.ContentHash, awaited.ContentHash);
        Assert.Equal(blocking.CleanText, awaited.CleanText);
        Assert.Equal(blocking.Passages.Select(p => (p.Text, p.Page)), awaited.Passages.Select(p => (p.Text, p.Page)));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ingestor.IngestAsync("utlatande.pdf", pdf, cancellation.Token));
    }
}
