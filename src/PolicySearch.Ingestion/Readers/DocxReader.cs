using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PolicySearch.Ingestion.Readers;

/// <summary>
/// Reads the body of a Word .docx: paragraphs, heading styles (<c>heading N</c>, <c>Title</c>, outline levels) as
/// <c>#</c> lines, numbered/bulleted paragraphs as list items, tables as rows of cells. The page headers' lines
/// (where Stockholm's templates put förvaltning, document type and Dnr) come apart, as furniture.
/// The zip is checked before the Open XML SDK touches it: not a zip, truncated, or packed like a zip bomb
/// (declared sizes beyond the limits) is refused.
/// </summary>
internal static partial class DocxReader
{
    // Small parts may be packed very tightly (blank templates); the ratio matters only where memory does.
    private const long RatioCheckFromBytes = 1024 * 1024;
    private const int MaxStyleChain = 10;

    public static ExtractedText Read(string name, ReadOnlyMemory<byte> content, ReaderOptions options)
    {
        ReadOnlySpan<byte> head = content.Span;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
            throw new IngestionException(
                $"{name}: en OLE-fil (Word 97-2003 .doc eller en lösenordsskyddad .docx), inte ett .docx-zip-arkiv.");
        if (!head.StartsWith("PK"u8))
            throw new IngestionException($"{name}: inte en .docx (inte ett zip-arkiv).");

        using Stream stream = AsStream(content);
        CheckArchive(name, stream, options);
        stream.Position = 0;
        try
        {
            var settings = new OpenSettings { MaxCharactersInPart = options.MaxDocxUncompressedBytes };
            using WordprocessingDocument document = WordprocessingDocument.Open(stream, isEditable: false, settings);
            Body body = document.MainDocumentPart?.Document?.Body
                ?? throw new IngestionException($"{name}: ett zip-arkiv utan Word-dokument, inte en .docx.");
            var writer = new DocxWriter(new StructuredTextWriter(name, options.MaxExtractedCharacters),
                document.MainDocumentPart.StyleDefinitionsPart?.Styles);
            writer.WriteBlocks(body);
            return new ExtractedText(SourceFormat.Docx, [new ExtractedPage(null, writer.ToString())])
            {
                Furniture = HeaderLines(document.MainDocumentPart),
            };
        }
        catch (Exception ex) when (ex is not (IngestionException or OutOfMemoryException))
        {
            throw new IngestionException($"{name}: skadad .docx ({ex.GetType().Name}: {FirstLine(ex.Message)}).", ex);
        }
    }

    /// <summary>Each line of the page headers (table cells included; a tab separates, as in the body), once, in order.</summary>
    private static List<string> HeaderLines(MainDocumentPart main) =>
        main.HeaderParts
            .SelectMany(part => part.Header?.Descendants<Paragraph>() ?? [])
            .SelectMany(paragraph => DocxWriter.ParagraphText(paragraph).Split('\n'))
            .Select(line => WhiteSpace().Replace(line, " ").Trim())
            .Where(line => line.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private static void CheckArchive(string name, Stream stream, ReaderOptions options)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            long total = 0;
            foreach (ZipArchiveEntry entry in zip.Entries)
            {
                total += entry.Length;
                if (total > options.MaxDocxUncompressedBytes)
                    throw new IngestionException(
                        $"{name}: packas upp till mer än {ReaderMessages.Number(options.MaxDocxUncompressedBytes)} byte (Readers:MaxDocxUncompressedBytes); möjlig zip-bomb.");
                if (entry.Length > RatioCheckFromBytes && entry.Length > entry.CompressedLength * options.MaxDocxCompressionRatio)
                    throw new IngestionException(
                        $"{name}: delen '{entry.FullName}' är komprimerad {ReaderMessages.Number(entry.Length / Math.Max(1, entry.CompressedLength))}:1, mer än {options.MaxDocxCompressionRatio}:1 (Readers:MaxDocxCompressionRatio); möjlig zip-bomb.");
            }
        }
        catch (InvalidDataException ex)
        {
            throw new IngestionException($"{name}: skadad eller avkortad .docx (zip-arkivet kan inte läsas: {FirstLine(ex.Message)}).", ex);
        }
    }

    private static MemoryStream AsStream(ReadOnlyMemory<byte> content) =>
        MemoryMarshal.TryGetArray(content, out ArraySegment<byte> segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    [GeneratedRegex(@"^(?:heading|rubrik)\s*(\d)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeadingStyle();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    /// <summary>Walks the body and writes each block through a <see cref="StructuredTextWriter"/>.</summary>
    private sealed class DocxWriter(StructuredTextWriter writer, Styles? styles)
    {
        private readonly Dictionary<string, Style> _styles = styles?.Elements<Style>()
            .Where(style => style.StyleId?.Value is not null)
            .GroupBy(style => style.StyleId!.Value!, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal) ?? [];

        private bool _inList;

        public void WriteBlocks(OpenXmlElement container)
        {
            foreach (OpenXmlElement child in container.ChildElements)
            {
                switch (child)
                {
                    case Paragraph paragraph:
                        WriteParagraph(paragraph);
                        break;
                    case Table table:
                        EndList();
                        foreach (TableRow row in table.Elements<TableRow>())
                            writer.TableRow(row.Elements<TableCell>().Select(CellText));
                        writer.EndParagraph();
                        break;
                    case SectionProperties:
                        break;
                    default:
                        // Content controls, custom XML and similar wrappers hold ordinary blocks.
                        WriteBlocks(child);
                        break;
                }
            }
        }

        public override string ToString() => writer.ToString();

        private void WriteParagraph(Paragraph paragraph)
        {
            string text = ParagraphText(paragraph);
            if (string.IsNullOrWhiteSpace(text))
                return;
            ParagraphProperties? properties = paragraph.ParagraphProperties;
            string? styleId = properties?.ParagraphStyleId?.Val?.Value;

            int? level = HeadingLevel(properties?.OutlineLevel, styleId);
            if (level is not null)
            {
                EndList();
                writer.Heading(level.Value, text);
                return;
            }
            NumberingProperties? numbering = properties?.NumberingProperties ?? StyleChain(styleId)
                .Select(style => style.StyleParagraphProperties?.NumberingProperties).FirstOrDefault(n => n is not null);
            if (numbering is not null && numbering.NumberingId?.Val?.Value != 0)
            {
                _inList = true;
                writer.StartListItem(numbering.NumberingLevelReference?.Val?.Value ?? 0);
                writer.Inline(text);
                writer.EndLine();
                return;
            }
            EndList();
            foreach (string line in text.Split('\n'))
            {
                writer.Inline(line);
                writer.EndLine();
            }
            writer.EndParagraph();
        }

        private void EndList()
        {
            if (_inList)
                writer.EndList(0);
            _inList = false;
        }

        private int? HeadingLevel(OutlineLevel? outline, string? styleId)
        {
            if (OutlineHeading(outline) is int direct)
                return direct;
            if (styleId is not null && HeadingStyle().Match(styleId) is { Success: true } byId)
                return byId.Groups[1].Value[0] - '0';
            foreach (Style style in StyleChain(styleId))
            {
                string? styleName = style.StyleName?.Val?.Value;
                if (styleName is not null && HeadingStyle().Match(styleName) is { Success: true } byName)
                    return byName.Groups[1].Value[0] - '0';
                if (string.Equals(styleName, "Title", StringComparison.OrdinalIgnoreCase))
                    return 1;
                if (OutlineHeading(style.StyleParagraphProperties?.OutlineLevel) is int inherited)
                    return inherited;
            }
            return null;
        }

        // Outline levels 0-8 are heading levels 1-9; 9 means body text.
        private static int? OutlineHeading(OutlineLevel? outline) =>
            outline?.Val?.Value is int value and < 9 ? value + 1 : null;

        private IEnumerable<Style> StyleChain(string? styleId)
        {
            for (int i = 0; i < MaxStyleChain && styleId is not null && _styles.TryGetValue(styleId, out Style? style); i++)
            {
                yield return style;
                styleId = style.BasedOn?.Val?.Value;
            }
        }

        private static string CellText(TableCell cell) =>
            string.Join(' ', cell.Descendants<Paragraph>().Select(ParagraphText).Where(text => text.Length > 0));

        internal static string ParagraphText(Paragraph paragraph)
        {
            var text = new StringBuilder();
            foreach (OpenXmlElement element in paragraph.Descendants())
            {
                switch (element)
                {
                    case Text run:
                        text.Append(run.Text);
                        break;
                    case TabChar or PositionalTab:
                        text.Append(' ');
                        break;
                    case Break or CarriageReturn:
                        text.Append('\n');
                        break;
                    case NoBreakHyphen:
                        text.Append('-');
                        break;
                }
            }
            return text.ToString().Trim();
        }
    }
}
