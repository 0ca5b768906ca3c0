namespace PolicySearch.Ingestion.Readers;

/// <summary>
/// Limits and tools for reading documents. Bind from configuration section <c>Readers</c>
/// (e.g. env <c>Readers__MaxFileBytes</c>); the defaults suit a city archive of office documents.
/// </summary>
public sealed class ReaderOptions
{
    /// <summary>Files larger than this are refused before they are read. Default 100 MB.</summary>
    public long MaxFileBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Documents whose extracted text is longer are refused. Default 20 million characters (~10,000 pages).</summary>
    public int MaxExtractedCharacters { get; set; } = 20_000_000;

    /// <summary>
    /// A line longer than this is not document text (a dump, minified data, a file without line breaks);
    /// such files are refused. Default 1 million characters.
    /// </summary>
    public int MaxLineCharacters { get; set; } = 1_000_000;

    /// <summary>
    /// A .docx whose parts together unpack to more than this is refused as a possible zip bomb. Default 256 MB.
    /// </summary>
    public long MaxDocxUncompressedBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>A .docx part packed tighter than this ratio (uncompressed/compressed) is refused as a zip bomb. Default 200.</summary>
    public int MaxDocxCompressionRatio { get; set; } = 200;

    /// <summary>The pdftotext executable (from Debian's poppler-utils): a name on PATH or a full path.</summary>
    public string PdfToTextPath { get; set; } = "pdftotext";

    /// <summary>
    /// How long reading one file may take (the pdftotext run, the HTML parse, which is slow on pathological nesting)
    /// before it is stopped. Default 60 seconds.
    /// </summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
