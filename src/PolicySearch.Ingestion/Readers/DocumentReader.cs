namespace PolicySearch.Ingestion.Readers;

/// <summary>
/// Reads a document file (.txt, .md, .html/.htm, .docx, .pdf) into <see cref="ExtractedText"/>.
/// Every problem with a file (unknown extension, too large, empty, binary, damaged, unreadable) is an
/// <see cref="IngestionException"/> whose one-line message names the file and says what is wrong.
/// Thread-safe: one instance can read many files concurrently.
/// </summary>
public sealed class DocumentReader(ReaderOptions? options = null)
{
    private static readonly Dictionary<string, SourceFormat> FormatsByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = SourceFormat.Text,
        [".md"] = SourceFormat.Markdown,
        [".html"] = SourceFormat.Html,
        [".htm"] = SourceFormat.Html,
        [".docx"] = SourceFormat.Docx,
        [".pdf"] = SourceFormat.Pdf,
    };

    private readonly ReaderOptions _options = options ?? new ReaderOptions();

    /// <summary>The file extensions this reader understands, with the leading dot, in lower case.</summary>
    public static IReadOnlyCollection<string> SupportedExtensions => FormatsByExtension.Keys;

    /// <summary>Whether the file's extension is one this reader understands.</summary>
    public static bool IsSupported(string path) => FormatsByExtension.ContainsKey(Path.GetExtension(path));

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="IngestionException">The file cannot be read as a document.</exception>
    public async Task<ExtractedText> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        SourceFormat format = FormatOf(path);
        byte[] bytes = await ReadFileAsync(path, cancellationToken);
        return await ExtractAsync(path, format, bytes, cancellationToken);
    }

    /// <summary>Reads an uploaded document; <paramref name="fileName"/> decides the format by its extension.</summary>
    /// <exception cref="IngestionException">The content cannot be read as a document.</exception>
    public async Task<ExtractedText> ReadAsync(string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        SourceFormat format = FormatOf(fileName);
        byte[] bytes = await ReadLimitedAsync(fileName, content, cancellationToken);
        return await ExtractAsync(fileName, format, bytes, cancellationToken);
    }

    /// <summary>Reads a document whose bytes are already in memory; <paramref name="fileName"/> decides the format.</summary>
    /// <exception cref="IngestionException">The content cannot be read as a document.</exception>
    public Task<ExtractedText> ReadAsync(string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        SourceFormat format = FormatOf(fileName);
        CheckFileSize(fileName, content.Length);
        return ExtractAsync(fileName, format, content, cancellationToken);
    }

    /// <summary>As <see cref="ReadAsync(string, ReadOnlyMemory{byte}, CancellationToken)"/>, blocking while pdftotext runs for a PDF.</summary>
    /// <exception cref="IngestionException">The content cannot be read as a document.</exception>
    public ExtractedText Read(string fileName, ReadOnlyMemory<byte> content) =>
        // Only PDF and HTML await anything (a process, a parser), with no synchronization context to deadlock on.
        ReadAsync(fileName, content).GetAwaiter().GetResult();

    private async Task<ExtractedText> ExtractAsync(string name, SourceFormat format, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        if (content.IsEmpty)
            throw new IngestionException($"{name}: filen är tom (0 byte).");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.ReadTimeout);
        try
        {
            ExtractedText text = format switch
            {
                SourceFormat.Pdf => await PdfReader.ReadAsync(name, content, _options, timeout.Token),
                SourceFormat.Html => OnePage(format, await HtmlReader.ReadAsync(
                    name, TextDecoder.Decode(name, content.Span), _options.MaxExtractedCharacters, timeout.Token)),
                SourceFormat.Docx => DocxReader.Read(name, content, _options),
                _ => OnePage(format, TextDecoder.Decode(name, content.Span)),
            };
            return CheckExtracted(name, text);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new IngestionException(
                $"{name}: läsningen blev inte klar inom {ReaderMessages.Decimal(_options.ReadTimeout.TotalSeconds, 3)} s (Readers:ReadTimeout).", ex);
        }
    }

    private static ExtractedText OnePage(SourceFormat format, string text) => new(format, [new ExtractedPage(null, text)]);

    private static SourceFormat FormatOf(string name)
    {
        if (FormatsByExtension.TryGetValue(Path.GetExtension(name), out SourceFormat format))
            return format;
        throw ReaderMessages.Unsupported(name);
    }

    private async Task<byte[]> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
            CheckFileSize(path, stream.Length);
            // Sized from the file so a large file is held once, not in a growing buffer and a copy of it.
            byte[] bytes = new byte[stream.Length];
            await stream.ReadExactlyAsync(bytes, cancellationToken);
            return bytes;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw ReaderMessages.CannotRead(path, ex);
        }
    }

    /// <summary>Reads a stream to its end, refusing it as soon as it passes <see cref="ReaderOptions.MaxFileBytes"/>.</summary>
    private async Task<byte[]> ReadLimitedAsync(string name, Stream content, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            CheckFileSize(name, buffer.Length + read);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>Refuses a file of <paramref name="bytes"/> bytes when it is over <see cref="ReaderOptions.MaxFileBytes"/>.</summary>
    internal void CheckFileSize(string name, long bytes)
    {
        if (bytes > _options.MaxFileBytes)
            throw new IngestionException($"{name}: filen är större än gränsen {ReaderMessages.Size(_options.MaxFileBytes)} (Readers:MaxFileBytes).");
    }

    private ExtractedText CheckExtracted(string name, ExtractedText text)
    {
        if (text.Length > _options.MaxExtractedCharacters)
            throw new IngestionException(
                $"{name}: {ReaderMessages.Number(text.Length)} tecken text, mer än gränsen {ReaderMessages.Number(_options.MaxExtractedCharacters)} (Readers:MaxExtractedCharacters).");
        bool hasText = false;
        foreach (ExtractedPage page in text.Pages)
        {
            int longest = LongestLine(page.Text);
            if (longest > _options.MaxLineCharacters)
                throw new IngestionException(
                    $"{name}: en rad på {ReaderMessages.Number(longest)} tecken, mer än gränsen {ReaderMessages.Number(_options.MaxLineCharacters)} (Readers:MaxLineCharacters); inte dokumenttext.");
            hasText |= !string.IsNullOrWhiteSpace(page.Text);
        }
        if (!hasText)
            throw new IngestionException(text.Format == SourceFormat.Pdf
                ? $"{name}: innehåller ingen text (en skannad PDF utan textlager?)."
                : $"{name}: innehåller ingen text.");
        return text;
    }

    private static int LongestLine(ReadOnlySpan<char> text)
    {
        int longest = 0;
        while (true)
        {
            int end = text.IndexOfAny('\n', '\r');
            if (end < 0)
                return Math.Max(longest, text.Length);
            longest = Math.Max(longest, end);
            text = text[(end + 1)..];
        }
    }
}
