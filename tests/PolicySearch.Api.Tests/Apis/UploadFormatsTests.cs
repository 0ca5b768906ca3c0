using System.Net;
using System.Text.Json;
using PolicySearch.Ingestion.Tests.Readers;
using static PolicySearch.Ingestion.Tests.Readers.DocxFactory;

namespace PolicySearch.Api.Tests.Apis;

/// <summary>
/// The binary formats uploaded over a real socket, then found by search with a citation: a .docx built with the
/// Open XML SDK, and a two-page PDF made by Ghostscript (<c>TestData/solcellsbankar.ps</c> says how).
/// </summary>
public sealed class UploadFormatsTests
{
    [Fact]
    public async Task An_uploaded_docx_is_found_with_its_section_and_citation()
    {
        byte[] docx = Create((body, main) =>
        {
            AddStyles(main, ParagraphStyle("Rubrik1", "heading 1"));
            body.Append(
                Paragraph("Tjänsteutlåtande"),
                Paragraph("Dnr SK 2019/78"),
                Paragraph("Skärholmens stadsdelsnämnd beslutar att godkänna förvaltningens förslag."),
                Paragraph("Pollinatörsstråk i Sätraskogen", "Rubrik1"),
                Paragraph("Förvaltningen föreslår att nämnden anlägger pollinatörsstråk längs gångvägarna i Sätraskogen."));
        });
        await using var app = new PolicySearchApplication();
        using var client = await app.CreateSocketClientAsync();

        string documentId = await UploadOneAsync(client, "pollinatorer.docx", docx);
        var hit = await DocumentsApiTests.FirstHitAsync(client, "pollinatörsstråk");

        Assert.Equal(documentId, hit.Str("documentId"));
        Assert.Contains("anlägger pollinatörsstråk längs gångvägarna", hit.Str("text"), StringComparison.Ordinal);
        Assert.Equal("Pollinatörsstråk i Sätraskogen", hit.Str("section"));
        Assert.Equal(JsonValueKind.Null, hit.GetProperty("page").ValueKind);
        Assert.Equal("Skärholmens stadsdelsnämnd, tjänsteutlåtande, Dnr SK 2019/78", hit.Str("citation"));
    }

    [PdfToTextFact]
    public async Task An_uploaded_pdf_is_found_with_its_page_in_the_citation()
    {
        byte[] pdf = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "solcellsbankar.pdf"));
        await using var app = new PolicySearchApplication();
        using var client = await app.CreateSocketClientAsync();

        string documentId = await UploadOneAsync(client, "solcellsbankar.pdf", pdf);
        var hit = await DocumentsApiTests.FirstHitAsync(client, "parkinvesteringar");

        Assert.Equal(documentId, hit.Str("documentId"));
        Assert.Contains("tolv solcellsbänkar beräknas till 480 000 kronor", hit.Str("text"), StringComparison.Ordinal);
        Assert.Equal(2, hit.GetProperty("page").GetInt32());
        Assert.Equal("Skärholmens stadsdelsnämnd, tjänsteutlåtande, Dnr SK 2019/77, s. 2", hit.Str("citation"));
        // The running header and footer of each page are furniture, not passage text.
        var (_, text) = await client.GetJsonAsync($"/api/documents/{documentId}/text");
        Assert.DoesNotContain("Sida 2 (2)", text.Str("text"), StringComparison.Ordinal);
    }

    private static async Task<string> UploadOneAsync(HttpClient client, string name, byte[] content)
    {
        using var upload = await DocumentsApiTests.UploadAsync(client, PolicySearchApplication.ApiKey, (name, content));
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var file = (await upload.ReadJsonAsync()).GetProperty("files").EnumerateArray().Single();
        Assert.Equal("indexed", file.Str("status"));
        return file.Str("documentId");
    }
}
