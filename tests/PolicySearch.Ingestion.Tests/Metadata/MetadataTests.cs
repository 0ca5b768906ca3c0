namespace PolicySearch.Ingestion.Tests.Metadata;

public class MetadataTests
{
    [Fact]
    public void Tjänsteutlåtande_from_a_stadsdelsnämnd_answering_a_motion()
    {
        DocumentMetadata m = Seeds.Get("000").Metadata;

        Assert.Equal("Motion om åtgärder för ett säkrare och tryggare Stockholm för alla – Svar på remiss från Kommunstyrelsen (2017:54)", m.Title);
        Assert.Equal("tjänsteutlåtande", m.DocumentType);
        Assert.Empty(m.Dnrs);
        Assert.Equal(["2017:54"], m.MotionNumbers);
        Assert.Equal(new DateOnly(2018, 2, 16), m.Date);
        Assert.Equal([new DateOnly(2017, 10, 2), new DateOnly(2018, 2, 16)], m.Dates);
        Assert.Equal("Skärholmens stadsdelsnämnd", m.Nämnd);
        Assert.Equal("Skärholmens stadsdelsförvaltning", m.Förvaltning);
        Assert.Equal([new Signatory("Susanne Leinsköld", "Stadsdelsdirektör"), new Signatory("Anna Mattsson", "Avdelningschef")], m.Signatories);
    }

    [Fact]
    public void Protokollsutdrag_of_Socialnämnden()
    {
        DocumentMetadata m = Seeds.Get("001").Metadata;

        Assert.Equal("För ett tryggare och säkrare Stockholm, Stockholms stads trygghets- och säkerhetsprogram 2018-2021 – Svar på remiss från kommunstyrelsen", m.Title);
        Assert.Equal("protokollsutdrag", m.DocumentType);
        Assert.Equal(["1.7.1-563/2017"], m.Dnrs);
        Assert.Equal("Socialnämnden", m.Nämnd);
        Assert.Equal("Socialförvaltningen", m.Förvaltning);
        Assert.Equal(new DateOnly(2017, 9, 29), m.Date);
    }

    [Fact]
    public void Utlåtande_of_Kommunstyrelsen_with_its_dateline_and_signatures()
    {
        DocumentMetadata m = Seeds.Get("002").Metadata;

        Assert.Equal("Ta tillbaka utsatta områden", m.Title);
        Assert.Equal("utlåtande", m.DocumentType);
        Assert.Equal(["KS 2019/1899"], m.Dnrs);
        Assert.Equal(new DateOnly(2021, 2, 17), m.Date);
        Assert.Equal("Kommunstyrelsen", m.Nämnd);
        Assert.Equal(["Anna König Jerlmyr", "Jan Jönsson", "Mats Larsson"], m.Signatories.Select(s => s.Name));
        Assert.Equal("Föredragande borgarråd", m.Signatories[1].Role);
    }

    [Fact]
    public void Page_header_gives_type_dnr_and_förvaltning()
    {
        DocumentMetadata m = Seeds.Get("003").Metadata;

        Assert.Equal("tjänsteutlåtande", m.DocumentType);
        Assert.Equal(["HV 2020/786"], m.Dnrs);
        Assert.Equal("Hässelby-Vällingby stadsdelsnämnd", m.Nämnd);
        Assert.Equal("Hässelby-Vällingby stadsdelsförvaltning", m.Förvaltning);
        Assert.Equal("Svar på remiss om Stockholms stads Trygghetsprogram 2020-2023", m.Title);
        Assert.Equal([new Signatory("Susanna Halldin Olsson", "Stadsdelsdirektör")], m.Signatories);
        Assert.Null(m.Date);
    }

    [Fact]
    public void Untitled_answer_to_a_motion_is_titled_from_the_motion()
    {
        DocumentMetadata m = Seeds.Get("004").Metadata;

        Assert.Equal("Svar på motion från Liberalerna om ett stadsövergripande handlingsprogram för minskad nyrekrytering till brottslighet", m.Title);
        Assert.Equal("tjänsteutlåtande", m.DocumentType);
        Assert.Equal("Socialnämnden", m.Nämnd);
        Assert.Equal([new Signatory("Gillis Hammar", "Förvaltningschef"), new Signatory("Veronica Wolgast Karlberg", "Avdelningschef")], m.Signatories);
    }

    [Fact]
    public async Task A_sidecar_file_overrides_inferred_fields_and_the_speaker()
    {
        string folder = Directory.CreateTempSubdirectory("policysearch-sidecar").FullName;
        try
        {
            string path = Path.Combine(folder, "utlatande.txt");
            File.Copy(Seeds.PathOf("003"), path);
            await File.WriteAllTextAsync(path + ".meta.json",
                """{ "title": "Trygghetsprogram – remissvar", "date": "2020-09-24", "dates": ["2020-09-24", "2020-10-01"], "dnrs": ["HV 2020/786", "KS 2020/1"], "nämnd": "Farsta stadsdelsnämnd", "signatories": [{ "name": "A B", "role": "C" }] }""");

            Document document = await new DocumentIngestor().IngestAsync(path);

            Assert.Equal("Trygghetsprogram – remissvar", document.Metadata.Title);
            Assert.Equal(new DateOnly(2020, 9, 24), document.Metadata.Date);
            Assert.Equal([new DateOnly(2020, 9, 24), new DateOnly(2020, 10, 1)], document.Metadata.Dates);
            Assert.Equal(["HV 2020/786", "KS 2020/1"], document.Metadata.Dnrs);
            Assert.Equal([new Signatory("A B", "C")], document.Metadata.Signatories);
            Assert.Equal("tjänsteutlåtande", document.Metadata.DocumentType);
            Assert.Equal("Farsta stadsdelsnämnd", document.PassageWith("Förvaltningen ställer sig positiv till det föreslagna trygghetsprogrammet").Speaker.Name);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Null_sidecar_fields_keep_the_inferred_values()
    {
        byte[] bytes = File.ReadAllBytes(Seeds.PathOf("002"));

        Document document = new DocumentIngestor().Ingest("utlatande.txt", bytes, """{ "title": "Ny titel", "documentType": null, "date": null }""");

        Assert.Equal("Ny titel", document.Metadata.Title);
        Assert.Equal("utlåtande", document.Metadata.DocumentType);
        Assert.Equal(new DateOnly(2021, 2, 17), document.Metadata.Date);
    }

    [Fact]
    public void An_invalid_sidecar_is_an_ingestion_error()
    {
        var ex = Assert.Throws<IngestionException>(() =>
            new DocumentIngestor().Ingest("a.txt", "Text."u8.ToArray(), """{ "date": "igår" }"""));

        Assert.Contains("a.txt.meta.json", ex.Message, StringComparison.Ordinal);
    }
}
