using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PolicySearch.Ingestion.Readers;

/// <summary>
/// One document of a JSONL document stream (the bench corpus format: one JSON object per line with
/// <c>id</c>, <c>title</c>, <c>date</c>, <c>author</c>, <c>text</c>, <c>doctype</c>, <c>parties</c>).
/// <see cref="Text"/> is already plain text with paragraphs separated by blank lines.
/// </summary>
public sealed record JsonlDocument(
    string Id,
    string Title,
    DateOnly? Date,
    string? Author,
    string Text,
    string? DocumentType,
    IReadOnlyList<string> Parties);

/// <summary>
/// One line of a JSONL document stream: the <see cref="Document"/> it holds, or the <see cref="Error"/> that
/// kept it from being read (one line, naming the file and line number).
/// </summary>
public sealed record JsonlRecord(long LineNumber, JsonlDocument? Document, string? Error = null)
{
    /// <summary>Whether the line could not be read as a document.</summary>
    public bool IsError => Error is not null;
}

/// <summary>
/// Streams documents from a JSONL file, gzipped (detected by its magic bytes, or by a <c>.gz</c> name for a stream
/// that cannot seek) or plain, one
/// line at a time so a corpus of any size is read in constant memory (apart from the longest line).
/// A malformed line becomes an error record and reading goes on; a file that cannot be opened or whose gzip
/// data is damaged ends the stream with an <see cref="IngestionException"/>.
/// </summary>
public static class JsonlDocumentStream
{
    private const int BufferBytes = 1 << 16;

    /// <summary>Reads the documents of the JSONL (or gzipped JSONL) file at <paramref name="path"/>.</summary>
    public static async IAsyncEnumerable<JsonlRecord> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        FileStream file = Open(path);
        await using (file)
        {
            await foreach (JsonlRecord record in ReadAsync(path, file, cancellationToken))
                yield return record;
        }
    }

    /// <summary>Reads the documents of a JSONL (or gzipped JSONL) stream; <paramref name="name"/> names it in errors.</summary>
    public static async IAsyncEnumerable<JsonlRecord> ReadAsync(string name, Stream content, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Stream text = await IsGzipAsync(name, content, cancellationToken) ? new GZipStream(content, CompressionMode.Decompress) : content;
        using var reader = new StreamReader(text, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, BufferBytes);
        long lineNumber = 0;
        while (true)
        {
            string? line;
            try
            {
                line = await reader.ReadLineAsync(cancellationToken);
            }
            catch (InvalidDataException ex)
            {
                throw new IngestionException($"{name}: skadad gzip-data efter rad {lineNumber} ({ex.Message}).", ex);
            }
            if (line is null)
                yield break;
            lineNumber++;
            if (!string.IsNullOrWhiteSpace(line))
                yield return Parse(name, lineNumber, line);
        }
    }

    private static FileStream Open(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IngestionException($"{path}: kan inte öppnas ({ex.Message}).", ex);
        }
    }

    private static async Task<bool> IsGzipAsync(string name, Stream stream, CancellationToken cancellationToken)
    {
        if (!stream.CanSeek)
            return name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        byte[] magic = new byte[2];
        int read = await stream.ReadAtLeastAsync(magic, 2, throwOnEndOfStream: false, cancellationToken);
        stream.Seek(-read, SeekOrigin.Current);
        return read == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
    }

    private static JsonlRecord Parse(string name, long lineNumber, string line)
    {
        JsonlLine? fields;
        try
        {
            fields = JsonSerializer.Deserialize(line, JsonlJsonContext.Default.JsonlLine);
        }
        catch (JsonException ex)
        {
            return Error(name, lineNumber, $"ogiltig JSON ({ex.Message})");
        }
        if (fields is null)
            return Error(name, lineNumber, "null i stället för ett dokumentobjekt");
        if (string.IsNullOrWhiteSpace(fields.Id))
            return Error(name, lineNumber, "\"id\" saknas");
        if (string.IsNullOrWhiteSpace(fields.Text))
            return Error(name, lineNumber, $"dokument {fields.Id} saknar \"text\"");
        DateOnly? date = null;
        if (!string.IsNullOrEmpty(fields.Date))
        {
            if (!DateOnly.TryParseExact(fields.Date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.None, out DateOnly parsed))
                return Error(name, lineNumber, $"dokument {fields.Id} har ett datum som inte är ÅÅÅÅ-MM-DD: \"{fields.Date}\"");
            date = parsed;
        }
        return new JsonlRecord(lineNumber, new JsonlDocument(
            fields.Id,
            string.IsNullOrWhiteSpace(fields.Title) ? fields.Id : fields.Title,
            date,
            fields.Author,
            fields.Text,
            fields.Doctype,
            fields.Parties?.OfType<string>().ToArray() ?? []));
    }

    private static JsonlRecord Error(string name, long lineNumber, string problem) =>
        new(lineNumber, null, $"{name}: rad {lineNumber}: {problem}.");
}

/// <summary>The fields of one JSONL line as written; unknown fields are ignored.</summary>
internal sealed record JsonlLine(
    string? Id,
    string? Title,
    string? Date,
    string? Author,
    string? Text,
    string? Doctype,
    IReadOnlyList<string?>? Parties);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(JsonlLine))]
internal sealed partial class JsonlJsonContext : JsonSerializerContext;
