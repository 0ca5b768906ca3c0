using System.Text;

namespace PolicySearch.Ingestion;

/// <summary>
/// The seam to the readers: turns a file's bytes into pages of text. Until the format readers land this reads
/// plain text as UTF-8 (with or without BOM, or UTF-16 with BOM), one page whose number is unknown.
/// </summary>
internal static class PlainTextSource
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IReadOnlyList<SourcePage> Read(string name, byte[] bytes)
    {
        if (bytes.Length == 0)
            throw new IngestionException($"Filen {Path.GetFileName(name)} är tom.");
        string text;
        try
        {
            text = bytes switch
            {
                [0xFF, 0xFE, ..] => Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2),
                [0xFE, 0xFF, ..] => Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2),
                [0xEF, 0xBB, 0xBF, ..] => s_strictUtf8.GetString(bytes, 3, bytes.Length - 3),
                _ => s_strictUtf8.GetString(bytes),
            };
        }
        catch (DecoderFallbackException ex)
        {
            throw new IngestionException($"Filen {Path.GetFileName(name)} är inte giltig UTF-8-text.", ex);
        }
        if (text.Contains('\0', StringComparison.Ordinal))
            throw new IngestionException($"Filen {Path.GetFileName(name)} ser ut att vara binär, inte text.");
        return [new SourcePage(text, null)];
    }
}
