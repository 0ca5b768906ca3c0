using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordDocument = DocumentFormat.OpenXml.Wordprocessing.Document;

namespace PolicySearch.Ingestion.Tests.Readers;

/// <summary>Builds .docx files for tests with the Open XML SDK, and hostile zips that only pretend to be one.</summary>
internal static class DocxFactory
{
    public static byte[] Create(Action<Body, MainDocumentPart> fill)
    {
        using var stream = new MemoryStream();
        using (WordprocessingDocument document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            MainDocumentPart main = document.AddMainDocumentPart();
            main.Document = new WordDocument(new Body());
            fill(main.Document.Body!, main);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    public static Paragraph Paragraph(string text, string? styleId = null, int? listLevel = null)
    {
        var properties = new ParagraphProperties();
        if (styleId is not null)
            properties.ParagraphStyleId = new ParagraphStyleId { Val = styleId };
        if (listLevel is not null)
            properties.NumberingProperties = new NumberingProperties(
                new NumberingLevelReference { Val = listLevel }, new NumberingId { Val = 1 });
        return new Paragraph(properties, new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    public static Table Table(params string[][] rows) =>
        new(rows.Select(cells => new TableRow(cells.Select(cell => new TableCell(Paragraph(cell))))));

    /// <summary>Adds a default page header holding <paramref name="content"/> (paragraphs, tables) to the first section.</summary>
    public static void AddHeader(Body body, MainDocumentPart main, params OpenXmlElement[] content)
    {
        HeaderPart part = main.AddNewPart<HeaderPart>();
        part.Header = new Header(content);
        part.Header.Save();
        body.Append(new SectionProperties(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(part) }));
    }

    public static void AddStyles(MainDocumentPart main, params Style[] styles)
    {
        StyleDefinitionsPart part = main.AddNewPart<StyleDefinitionsPart>();
        part.Styles = new Styles(styles.Cast<OpenXmlElement>());
        part.Styles.Save();
    }

    public static Style ParagraphStyle(string id, string name, string? basedOn = null)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        style.Append(new StyleName { Val = name });
        if (basedOn is not null)
            style.Append(new BasedOn { Val = basedOn });
        return style;
    }

    /// <summary>A zip with one entry of <paramref name="megabytes"/> MB of spaces: tiny on disk, huge unpacked.</summary>
    public static byte[] ZipBomb(int megabytes)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using Stream entry = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            byte[] block = new byte[1024 * 1024];
            Array.Fill(block, (byte)' ');
            for (int i = 0; i < megabytes; i++)
                entry.Write(block);
        }
        return stream.ToArray();
    }
}
