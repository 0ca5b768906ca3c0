using System.Text;

namespace PolicySearch.Ingestion.Tests.Readers;

/// <summary>
/// Writes a minimal valid PDF (one Helvetica text page per entry, WinAnsi encoding so å, ä, ö work) with a correct
/// cross-reference table, so tests need no PDF tool besides the pdftotext under test.
/// </summary>
internal static class PdfFactory
{
    public static byte[] Create(params string[][] pages)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Encoding winAnsi = Encoding.GetEncoding(1252);
        var objects = new List<byte[]>
        {
            Ascii("<< /Type /Catalog /Pages 2 0 R >>"),
            Ascii($"<< /Type /Pages /Kids [{string.Join(' ', pages.Select((_, i) => $"{4 + 2 * i} 0 R"))}] /Count {pages.Length} >>"),
            Ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"),
        };
        for (int i = 0; i < pages.Length; i++)
        {
            objects.Add(Ascii($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>"));
            string lines = string.Concat(pages[i].Select(line => $"({Escape(line)}) Tj T* "));
            byte[] content = winAnsi.GetBytes($"BT /F1 12 Tf 14 TL 72 770 Td {lines}ET");
            objects.Add([.. Ascii($"<< /Length {content.Length} >>\nstream\n"), .. content, .. Ascii("\nendstream")]);
        }

        using var pdf = new MemoryStream();
        pdf.Write(Ascii("%PDF-1.4\n"));
        var offsets = new List<long>();
        for (int i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Position);
            pdf.Write(Ascii($"{i + 1} 0 obj\n"));
            pdf.Write(objects[i]);
            pdf.Write(Ascii("\nendobj\n"));
        }
        long xref = pdf.Position;
        pdf.Write(Ascii($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n"));
        foreach (long offset in offsets)
            pdf.Write(Ascii($"{offset:D10} 00000 n \n"));
        pdf.Write(Ascii($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"));
        return pdf.ToArray();
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal);

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}

/// <summary>A fact that needs pdftotext (Debian poppler-utils); skipped with a message when it is not installed.</summary>
internal sealed class PdfToTextFactAttribute : FactAttribute
{
    public PdfToTextFactAttribute()
    {
        if (!IsInstalled)
            Skip = "pdftotext is not installed (Debian package poppler-utils; scripts/install-deps.sh installs it).";
    }

    public static bool IsInstalled => (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Any(folder => File.Exists(Path.Combine(folder, "pdftotext")));
}
