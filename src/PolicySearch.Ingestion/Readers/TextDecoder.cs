using System.Text;
using System.Text.Unicode;

namespace PolicySearch.Ingestion.Readers;

/// <summary>
/// Turns the bytes of a text file into a string: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, or
/// Windows-1252 when the bytes are not UTF-8 but read as plausible Western European text.
/// Binary content and damaged UTF-8 are refused with an <see cref="IngestionException"/>.
/// </summary>
internal static class TextDecoder
{
    // Control characters beyond this share of the bytes mean the file is not text (tab, CR, LF, VT, FF excluded).
    private const double MaxControlShare = 0.01;

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Encoding StrictUtf16Le = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly Encoding StrictUtf16Be = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly Encoding Windows1252 = CreateWindows1252();

    /// <summary>Decodes <paramref name="bytes"/>; <paramref name="name"/> names the file in error messages.</summary>
    public static string Decode(string name, ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return DecodeUtf8(name, bytes[3..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return DecodeUtf16(name, bytes[2..], StrictUtf16Le, "UTF-16 LE");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return DecodeUtf16(name, bytes[2..], StrictUtf16Be, "UTF-16 BE");

        RefuseBinary(name, bytes);
        return DecodeUtf8(name, bytes);
    }

    private static string DecodeUtf8(string name, ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
            return StrictUtf8.GetString(bytes);
        if (LooksLikeWindows1252(bytes))
            return Windows1252.GetString(bytes);
        int offset = FirstInvalidUtf8Offset(bytes);
        int line = bytes[..offset].Count((byte)'\n') + 1;
        throw new IngestionException(
            $"{name}: ogiltig UTF-8 vid byte {ReaderMessages.Number(offset)} (rad {ReaderMessages.Number(line)}) och inte läsbar som Windows-1252-text; spara filen som UTF-8.");
    }

    private static string DecodeUtf16(string name, ReadOnlySpan<byte> bytes, Encoding encoding, string label)
    {
        string text;
        try
        {
            text = encoding.GetString(bytes);
        }
        catch (ArgumentException ex)
        {
            throw new IngestionException($"{name}: har byteordningsmärke för {label} men ogiltigt {label}-innehåll.", ex);
        }
        RefuseBinary(name, text.AsSpan());
        return text;
    }

    private static void RefuseBinary(string name, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Contains((byte)0))
            throw BinaryContent(name, "NUL-byte");
        int controls = 0;
        foreach (byte b in bytes)
        {
            if (IsControl(b))
                controls++;
        }
        if (controls > bytes.Length * MaxControlShare)
            throw BinaryContent(name, $"{ReaderMessages.Number(controls)} styrtecken");
    }

    private static void RefuseBinary(string name, ReadOnlySpan<char> text)
    {
        if (text.Contains('\0'))
            throw BinaryContent(name, "NUL-tecken");
        int controls = 0;
        foreach (char c in text)
        {
            if (c < 0x80 && IsControl((byte)c))
                controls++;
        }
        if (controls > text.Length * MaxControlShare)
            throw BinaryContent(name, $"{ReaderMessages.Number(controls)} styrtecken");
    }

    private static IngestionException BinaryContent(string name, string evidence) =>
        new($"{name}: binärt innehåll ({evidence}), inte ett textdokument.");

    private static bool IsControl(byte b) => b is < 0x09 or (> 0x0D and < 0x20) or 0x7F;

    /// <summary>
    /// Windows-1252 text has high bytes that are mostly not valid UTF-8 sequences and never one of the five
    /// bytes 1252 leaves undefined. UTF-8 with a damaged byte has many valid multi-byte sequences and is refused
    /// instead, so a corrupt UTF-8 file is not silently turned into mojibake.
    /// </summary>
    private static bool LooksLikeWindows1252(ReadOnlySpan<byte> bytes)
    {
        int validSequences = 0;
        int strayHighBytes = 0;
        int i = 0;
        while (i < bytes.Length)
        {
            byte b = bytes[i];
            if (b < 0x80)
            {
                i++;
                continue;
            }
            if (b is 0x81 or 0x8D or 0x8F or 0x90 or 0x9D)
                return false;
            if (System.Text.Rune.DecodeFromUtf8(bytes[i..], out _, out int consumed) == System.Buffers.OperationStatus.Done)
            {
                validSequences++;
                i += consumed;
            }
            else
            {
                strayHighBytes++;
                i++;
            }
        }
        return strayHighBytes > validSequences * 10;
    }

    private static int FirstInvalidUtf8Offset(ReadOnlySpan<byte> bytes)
    {
        int i = 0;
        while (i < bytes.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes[i..], out _, out int consumed) != System.Buffers.OperationStatus.Done)
                return i;
            i += consumed;
        }
        return bytes.Length;
    }

    private static Encoding CreateWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
