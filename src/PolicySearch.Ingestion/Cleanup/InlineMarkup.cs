using System.Text.RegularExpressions;

namespace PolicySearch.Ingestion;

/// <summary>
/// Removes markdown emphasis (<c>**bold**</c>, <c>*italic*</c>) and reports an emphasised phrase that opens the
/// line, which in Stockholm's remiss summaries names the body speaking (<c>*Bromma stadsdelsnämnd* anser att …</c>).
/// </summary>
internal static partial class InlineMarkup
{
    [GeneratedRegex(@"(\*\*|\*|__)(?=\S)(.{1,300}?)(?<=\S)\1")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"^\s*(\*\*|\*|__)(?=\S)(?<lead>.{1,300}?)(?<=\S)\1")]
    private static partial Regex LeadingEmphasis();

    public static string Strip(string line, out string? leadIn)
    {
        if (!line.Contains('*', StringComparison.Ordinal) && !line.Contains("__", StringComparison.Ordinal))
        {
            leadIn = null;
            return line;
        }
        Match lead = LeadingEmphasis().Match(line);
        leadIn = lead.Success ? lead.Groups["lead"].Value.Trim().TrimEnd(':', '.').Trim() : null;
        return Emphasis().Replace(line, "$2");
    }
}
