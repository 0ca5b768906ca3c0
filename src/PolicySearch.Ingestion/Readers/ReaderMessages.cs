using System.Globalization;

namespace PolicySearch.Ingestion.Readers;

/// <summary>
/// Pieces of the Swedish error messages that several readers share. Messages reach users (upload answers, index
/// reports), so they are Swedish; numbers are grouped the Swedish way whatever the machine's culture.
/// </summary>
internal static class ReaderMessages
{
    private static readonly NumberFormatInfo SwedishNumbers = new() { NumberGroupSeparator = " ", NumberDecimalSeparator = "," };

    /// <summary>An integer with Swedish digit grouping, e.g. <c>20 000 000</c>.</summary>
    public static string Number(long value) => value.ToString("#,0", SwedishNumbers);

    /// <summary>A decimal with a Swedish decimal comma and at most <paramref name="decimals"/> decimals.</summary>
    public static string Decimal(double value, int decimals = 1) => value.ToString("0." + new string('#', decimals), SwedishNumbers);

    /// <summary>A size in the largest unit that keeps it at least 1: <c>100 MB</c>, <c>4 KB</c>, <c>1 000 byte</c>.</summary>
    public static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => $"{Decimal(bytes / (1024.0 * 1024))} MB",
        >= 1024 => $"{Decimal(bytes / 1024.0)} KB",
        _ => $"{Number(bytes)} byte",
    };

    public static IngestionException Unsupported(string name) =>
        new($"{name}: filtypen '{Path.GetExtension(name)}' stöds inte (stöds: {string.Join(", ", DocumentReader.SupportedExtensions)}).");

    /// <summary>
    /// Why the file at <paramref name="path"/> could not be opened or read (<paramref name="cause"/> is an
    /// <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>); only a rare I/O fault keeps the
    /// runtime's own wording, in brackets.
    /// </summary>
    public static IngestionException CannotRead(string path, Exception cause) => new(cause switch
    {
        UnauthorizedAccessException => $"{path}: åtkomst nekad (ingen läsbehörighet).",
        FileNotFoundException => $"{path}: filen finns inte.",
        DirectoryNotFoundException => $"{path}: mappen finns inte.",
        _ => $"{path}: kan inte läsas ({cause.Message}).",
    }, cause);

    public static IngestionException TooMuchText(string name, int maxCharacters) =>
        new($"{name}: mer än {Number(maxCharacters)} tecken text (Readers:MaxExtractedCharacters).");
}
