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

    /// <summary>
    /// Reads a document whose bytes are already in memory; <paramref name="fileName"/> decides the format.
    /// Blocks while pdftotext runs for a PDF.
    /// </summary>
    /// <exception cref="IngestionException">The content cannot be read as a document.</exception>
    public ExtractedText Read(string fileName, ReadOnlyMemory<byte> content)
    {
        SourceFormat format = FormatOf(fileName);
        CheckFileSize(fileName, content.Length);
        // Only PDF and HTML await anything (a process, a parser), with no synchronization context to deadlock on.
        return ExtractAsync(fileName, format, content, CancellationToken.None).GetAwaiter().GetResult();
    }

    private async Task<ExtractedText> ExtractAsync(string name, SourceFormat format, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        if (content.IsEmpty)
            throw new IngestionException($"{name}: the file is empty (0 bytes).");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.ReadTimeout);
        try
        {
            ExtractedText text = format switch
            {
                SourceFormat.Pdf => await PdfReader.ReadAsync(name, content, _options, timeout.Token),
                SourceFormat.Html => OnePage(format, await HtmlReader.ReadAsync(
                    name, TextDecoder.Decode(name, content.Span), _options.MaxExtractedCharacters, timeout.Token)),
                SourceFormat.Docx => OnePage(format, DocxReader.Read(name, content, _options)),
                _ => OnePage(format, TextDecoder.Decode(name, content.Span)),
            };
            return CheckExtracted(name, text);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new IngestionException(
                $"{name}: reading did not finish within {_options.ReadTimeout.TotalSeconds:0.###} s (Readers:ReadTimeout).", ex);
        }
    }

    private static ExtractedText OnePage(SourceFormat format, string text) => new(format, [new ExtractedPage(null, text)]);

    private static SourceFormat FormatOf(string name)
    {
        if (FormatsByExtension.TryGetValue(Path.GetExtension(name), out SourceFormat format))
            return format;
        throw new IngestionException(
            $"{name}: unsupported file type '{Path.GetExtension(name)}'; supported are {string.Join(", ", SupportedExtensions)}.");
    }

    private async Task<byte[]> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
            CheckFileSize(path, stream.Length);
            return await ReadLimitedAsync(path, stream, cancellationToken);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new IngestionException($"{path}: permission denied.", ex);
        }
        catch (FileNotFoundException ex)
        {
            throw new IngestionException($"{path}: file not found.", ex);
        }
        catch (DirectoryNotFoundException ex)
        {
            throw new IngestionException($"{path}: folder not found.", ex);
        }
        catch (IOException ex)
        {
            throw new IngestionException($"{path}: cannot be read ({ex.Message}).", ex);
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

    private void CheckFileSize(string name, long bytes)
    {
        if (bytes > _options.MaxFileBytes)
            throw new IngestionException($"{name}: the file is larger than the limit of {Megabytes(_options.MaxFileBytes)} (Readers:MaxFileBytes).");
    }

    private ExtractedText CheckExtracted(string name, ExtractedText text)
    {
        if (text.Length > _options.MaxExtractedCharacters)
            throw new IngestionException(
                $"{name}: {text.Length:N0} characters of text, more than the limit of {_options.MaxExtractedCharacters:N0} (Readers:MaxExtractedCharacters).");
        bool hasText = false;
        foreach (ExtractedPage page in text.Pages)
        {
            int longest = LongestLine(page.Text);
            if (longest > _options.MaxLineCharacters)
                throw new IngestionException(
                    $"{name}: a line of {longest:N0} characters, more than the limit of {_options.MaxLineCharacters:N0} (Readers:MaxLineCharacters); not document text.");
            hasText |= !string.IsNullOrWhiteSpace(page.Text);
        }
        if (!hasText)
            throw new IngestionException($"{name}: contains no text.");
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

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024):0.#} MB";
}
