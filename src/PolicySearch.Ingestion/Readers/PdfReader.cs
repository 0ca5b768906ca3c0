using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace PolicySearch.Ingestion.Readers;

/// <summary>
/// Reads a PDF with <c>pdftotext -layout</c> from Debian's poppler-utils, one <see cref="ExtractedPage"/> per
/// PDF page (pdftotext ends every page with a form feed). The PDF goes in on stdin and the text comes back on
/// stdout, so no temporary files are made; the process is stopped on cancellation (the caller's timeout included) or
/// too much output.
/// </summary>
internal static class PdfReader
{
    private const int ChunkChars = 64 * 1024;

    public static async Task<ExtractedText> ReadAsync(string name, ReadOnlyMemory<byte> content, ReaderOptions options, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(options.PdfToTextPath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string argument in (string[])["-layout", "-enc", "UTF-8", "-", "-"])
            startInfo.ArgumentList.Add(argument);

        using Process process = Start(name, startInfo, options.PdfToTextPath);
        try
        {
            Task<string> output = ReadOutputAsync(name, process.StandardOutput, options.MaxExtractedCharacters, cancellationToken);
            Task<string> errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await WriteInputAsync(process, content, cancellationToken);
            string text = await output;
            string errorText = await errors;
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
                throw new IngestionException($"{name}: pdftotext kunde inte läsa PDF-filen ({Explain(process.ExitCode, errorText)}).");
            return new ExtractedText(SourceFormat.Pdf, Pages(text));
        }
        finally
        {
            StopIfRunning(process);
        }
    }

    private static Process Start(string name, ProcessStartInfo startInfo, string executable)
    {
        try
        {
            return Process.Start(startInfo) ?? throw new InvalidOperationException("no process started");
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException)
        {
            throw new IngestionException(
                $"{name}: PDF-filer kan inte läsas eftersom '{executable}' inte kunde startas; installera Debian-paketet poppler-utils (apt-get install poppler-utils).", ex);
        }
    }

    private static async Task WriteInputAsync(Process process, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        try
        {
            await process.StandardInput.BaseStream.WriteAsync(content, cancellationToken);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // pdftotext stops reading when it gives up on a damaged file; its exit code and stderr say why.
        }
    }

    private static async Task<string> ReadOutputAsync(string name, StreamReader output, int maxCharacters, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        char[] chunk = new char[ChunkChars];
        int read;
        while ((read = await output.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (text.Length + read > maxCharacters)
                throw ReaderMessages.TooMuchText(name, maxCharacters);
            text.Append(chunk, 0, read);
        }
        return text.ToString();
    }

    private static List<ExtractedPage> Pages(string text)
    {
        string[] pages = text.Split('\f');
        // pdftotext ends each page with a form feed, so the last piece is empty.
        int count = pages.Length > 1 && pages[^1].Length == 0 ? pages.Length - 1 : pages.Length;
        return [.. pages.Take(count).Select((page, index) => new ExtractedPage(index + 1, page))];
    }

    private static string Explain(int exitCode, string errors)
    {
        string firstError = errors.Split('\n').Select(line => line.Trim())
            .FirstOrDefault(line => line.Contains("Error", StringComparison.Ordinal)) ?? errors.Split('\n')[0].Trim();
        string reason = exitCode == 3
            ? "PDF-filens behörigheter förbjuder att texten kopieras"
            : "skadad, lösenordsskyddad eller inte en PDF";
        return firstError.Length > 0 ? $"{reason}: {firstError}" : $"{reason}, slutkod {exitCode}";
    }

    private static void StopIfRunning(Process process)
    {
        try
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
    }
}
