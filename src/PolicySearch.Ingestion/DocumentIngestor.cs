using System.Security.Cryptography;
using PolicySearch.Ingestion.Readers;

namespace PolicySearch.Ingestion;

/// <summary>
/// Turns a file into a <see cref="Document"/>: read → clean up (pages, headers/footers, paragraphs, headings, lists)
/// → metadata (optionally overridden by a <c>&lt;name&gt;.meta.json</c> sidecar) → speaker per block → passages.
/// Stateless and safe to use from several threads.
/// </summary>
public sealed class DocumentIngestor
{
    private readonly Gazetteer _gazetteer;
    private readonly DocumentReader _reader;

    /// <summary>Creates an ingestor using the shipped <see cref="Gazetteer.Default"/> and default reader limits.</summary>
    public DocumentIngestor()
        : this(Gazetteer.Default)
    {
    }

    /// <summary>Creates an ingestor resolving bodies, parties and persons with <paramref name="gazetteer"/>.</summary>
    public DocumentIngestor(Gazetteer gazetteer, ReaderOptions? readerOptions = null)
    {
        _gazetteer = gazetteer ?? throw new ArgumentNullException(nameof(gazetteer));
        _reader = new DocumentReader(readerOptions);
    }

    /// <summary>
    /// The <see cref="Document.ContentHash"/> the file at <paramref name="path"/> would get, and its length, read as
    /// a stream so that a file too large to ingest is never held in memory; lets a caller skip unchanged files.
    /// </summary>
    /// <exception cref="IngestionException">The file cannot be opened or read.</exception>
    public static async Task<(string ContentHash, long Bytes)> HashFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            await using var stream = File.OpenRead(path);
            return (Convert.ToHexString(await SHA256.HashDataAsync(stream, cancellationToken)), stream.Length);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw ReaderMessages.CannotRead(path, ex);
        }
    }

    /// <summary>Reads and ingests the file at <paramref name="path"/>, applying its sidecar metadata file when there is one.</summary>
    /// <exception cref="IngestionException">The file cannot be read as a document.</exception>
    public Task<Document> IngestAsync(string path, CancellationToken cancellationToken = default) =>
        IngestAsync(path, contentHash: null, cancellationToken);

    /// <summary>
    /// As <see cref="IngestAsync(string, CancellationToken)"/>, with the file's hash already known from
    /// <see cref="HashFileAsync"/>, so it is not computed twice. Should the file change in between, the document keeps
    /// the older hash and the next run, seeing a different hash, ingests the file again.
    /// </summary>
    /// <exception cref="IngestionException">The file cannot be read as a document.</exception>
    public async Task<Document> IngestAsync(string path, string? contentHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes;
        string? sidecar = null;
        string reading = path;
        try
        {
            // Size first, so an oversized file is refused without reading it.
            _reader.CheckFileSize(path, new FileInfo(path).Length);
            bytes = await File.ReadAllBytesAsync(path, cancellationToken);
            if (SidecarMetadata.Find(path) is { } sidecarPath)
            {
                reading = sidecarPath;
                sidecar = await File.ReadAllTextAsync(sidecarPath, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw ReaderMessages.CannotRead(reading, ex);
        }
        ExtractedText extracted = await _reader.ReadAsync(path, bytes, cancellationToken);
        return Build(path, contentHash ?? Hash(bytes), extracted, sidecar);
    }

    /// <summary>
    /// Ingests a document whose bytes are already in memory (an upload); <paramref name="name"/> decides the format
    /// by extension. Unlike <see cref="Ingest(string, byte[])"/> it does not hold a thread while pdftotext reads a PDF,
    /// and cancellation stops it.
    /// </summary>
    /// <exception cref="IngestionException">The bytes cannot be read as a document.</exception>
    public async Task<Document> IngestAsync(string name, byte[] bytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(bytes);
        return Build(name, Hash(bytes), await _reader.ReadAsync(name, bytes, cancellationToken), sidecarJson: null);
    }

    /// <summary>Ingests a document whose bytes are already in memory; <paramref name="name"/> decides the format by extension.</summary>
    /// <exception cref="IngestionException">The bytes cannot be read as a document.</exception>
    public Document Ingest(string name, byte[] bytes) => Ingest(name, bytes, sidecarJson: null);

    /// <summary>
    /// As <see cref="Ingest(string, byte[])"/>, with the JSON of a sidecar metadata file overriding inferred fields,
    /// and the bytes' <see cref="Hash"/> when the caller already has it (a stream's records are hashed to skip
    /// unchanged ones), so it is not computed twice.
    /// </summary>
    /// <exception cref="IngestionException">The bytes cannot be read as a document, or the sidecar is invalid.</exception>
    public Document Ingest(string name, byte[] bytes, string? sidecarJson, string? contentHash = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(bytes);
        return Build(name, contentHash ?? Hash(bytes), _reader.Read(name, bytes), sidecarJson);
    }

    /// <summary>The <see cref="Document.ContentHash"/> of a source's bytes (SHA-256, hex).</summary>
    public static string Hash(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes));

    private Document Build(string name, string contentHash, ExtractedText extracted, string? sidecarJson)
    {
        try
        {
            CleanDocument clean = TextCleaner.Clean(extracted.Pages, extracted.Furniture);
            if (!clean.Blocks.Any(b => b.Kind is BlockKind.Paragraph or BlockKind.ListItem) || !clean.Text.Any(char.IsLetterOrDigit))
                throw new IngestionException($"Filen {Path.GetFileName(name)} innehåller ingen text.");
            InferredMetadata inferred = MetadataExtractor.Extract(clean, name, _gazetteer);
            DocumentMetadata metadata = sidecarJson is null
                ? inferred.Metadata
                : SidecarMetadata.Apply(inferred.Metadata, sidecarJson, Path.GetFileName(name) + ".meta.json");
            Speaker author = AuthorOf(metadata, inferred);
            Speaker?[] speakers = new SpeakerAttributor(_gazetteer, author, inferred.MotionAuthors).Attribute(clean.Blocks);
            List<Passage> passages = PassageBuilder.Build(clean, speakers);
            return new Document(name, contentHash, clean.Text, metadata, passages);
        }
        catch (Exception ex) when (ex is not IngestionException and not OperationCanceledException)
        {
            throw new IngestionException($"Filen {Path.GetFileName(name)} kunde inte tolkas: {ex.Message}", ex);
        }
    }

    /// <summary>The body the document's own text speaks for; a sidecar's nämnd wins over the inferred one.</summary>
    private Speaker AuthorOf(DocumentMetadata metadata, InferredMetadata inferred)
    {
        if (metadata.Nämnd is { } nämnd && nämnd != inferred.Metadata.Nämnd)
            return _gazetteer.Resolve(nämnd) ?? new Speaker(nämnd, SpeakerKind.Nämnd);
        if (inferred.Author is { } author)
            return author;
        if (metadata.Förvaltning is { } förvaltning)
            return _gazetteer.Resolve(förvaltning) ?? new Speaker(förvaltning, SpeakerKind.Förvaltning);
        return new Speaker("Okänd avsändare", SpeakerKind.Nämnd);
    }
}
