using System.CommandLine;
using System.Globalization;
using PolicySearch.Ingestion;
using Spectre.Console;

namespace PolicySearch.IndexTool.Commands;

/// <summary>
/// <c>policysearch inspect FILE [--json]</c>: the maintainer's view of ingestion — the metadata inferred for a file
/// and each passage with its section, page, speaker and first words.
/// </summary>
internal static class InspectCommand
{
    private const int PreviewLength = 70;

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "Document to ingest (.txt, .md, .html, .docx, .pdf)" };
        var json = new Option<bool>("--json") { Description = "Print the document (metadata, passages with full text) as JSON" };
        var command = new Command("inspect", "Show the metadata and passages (section, page, speaker) ingestion makes of a file");
        command.Arguments.Add(file);
        command.Options.Add(json);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            Document document;
            try
            {
                document = await new DocumentIngestor().IngestAsync(parseResult.GetRequiredValue(file).FullName, cancellationToken);
            }
            catch (IngestionException ex)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return 1;
            }
            if (parseResult.GetValue(json))
            {
                Console.WriteLine(CliSettings.ToJson(new { document.SourcePath, document.ContentHash, document.Metadata, document.Passages }, indented: true));
                return 0;
            }
            AnsiConsole.Write(MetadataTable(document));
            AnsiConsole.Write(PassageTable(document));
            return 0;
        });
        return command;
    }

    private static Table MetadataTable(Document document)
    {
        DocumentMetadata m = document.Metadata;
        var table = new Table().AddColumn("field").AddColumn("value");
        table.AddRow("file", Markup.Escape(document.SourcePath));
        table.AddRow("title", Markup.Escape(m.Title));
        table.AddRow("type", Markup.Escape(m.DocumentType ?? "-"));
        table.AddRow("dnr", Markup.Escape(string.Join(", ", m.Dnrs)));
        table.AddRow("motions", Markup.Escape(string.Join(", ", m.MotionNumbers)));
        table.AddRow("date", m.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-");
        table.AddRow("nämnd", Markup.Escape(m.Nämnd ?? "-"));
        table.AddRow("förvaltning", Markup.Escape(m.Förvaltning ?? "-"));
        table.AddRow("signatories", Markup.Escape(string.Join("; ", m.Signatories.Select(s => s.Role is null ? s.Name : $"{s.Name} ({s.Role})"))));
        table.AddRow("passages", document.Passages.Count.ToString(CultureInfo.InvariantCulture));
        return table;
    }

    private static Table PassageTable(Document document)
    {
        var table = new Table().AddColumns("#", "section", "page", "speaker", "chars", "first words");
        foreach (Passage passage in document.Passages)
        {
            Speaker s = passage.Speaker;
            string speaker = s.Party is null || s.Kind == SpeakerKind.Party ? $"{s.Name} ({s.Kind})" : $"{s.Name} ({s.Kind}, {s.Party})";
            string preview = string.Join(' ', passage.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            table.AddRow(
                passage.Ordinal.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(passage.Section ?? "-"),
                passage.Page?.ToString(CultureInfo.InvariantCulture) ?? "-",
                Markup.Escape(speaker),
                passage.Text.Length.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(preview.Length > PreviewLength ? preview[..PreviewLength] + "…" : preview));
        }
        return table;
    }
}
