using System.Text;
using PolicySearch.Analysis;
using PolicySearch.Ingestion;

namespace PolicySearch.Search.Indexing;

/// <summary>
/// The four FTS5 columns of one passage. <see cref="Text"/> holds only the words themselves, in order, so
/// phrase queries see consecutive positions; compound parts, folded forms and acronym expansions go to
/// <see cref="Derived"/>. <see cref="Title"/> carries the document's title and metadata (dnr, motion numbers,
/// type, nämnd) on the document's first passage, so an identifier finds its document even when the text never repeats it.
/// </summary>
internal sealed record PassageTerms(string Title, string Section, string Text, string Derived)
{
    public static bool IsPrimary(TokenKind kind) => kind is TokenKind.Word or TokenKind.Number or TokenKind.Identifier;

    /// <summary>Every term of <paramref name="text"/>, primary and derived, for the title and section columns.</summary>
    public static string AllTerms(SwedishAnalyzer analyzer, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var builder = new StringBuilder(text.Length);
        foreach (var token in analyzer.Analyze(text))
            AppendTerm(builder, token.Term);
        return builder.ToString();
    }

    /// <summary>The document-level metadata written into every passage's title column.</summary>
    public static string MetadataText(DocumentMetadata metadata)
    {
        var parts = new List<string> { metadata.Title };
        parts.AddRange(metadata.Dnrs.Select(dnr => "Dnr " + dnr));
        parts.AddRange(metadata.MotionNumbers);
        if (metadata.DocumentType is { } type) parts.Add(type);
        if (metadata.Nämnd is { } nämnd) parts.Add(nämnd);
        if (metadata.Förvaltning is { } förvaltning) parts.Add(förvaltning);
        return string.Join(" \n ", parts);
    }

    public static PassageTerms Build(SwedishAnalyzer analyzer, string titleTerms, string sectionTerms, string passageText)
    {
        var text = new StringBuilder(passageText.Length);
        var derived = new StringBuilder();
        string? lastPrimary = null;
        foreach (var token in analyzer.Analyze(passageText))
        {
            if (IsPrimary(token.Kind))
            {
                AppendTerm(text, token.Term);
                lastPrimary = token.Term;
            }
            else if (!string.Equals(token.Term, lastPrimary, StringComparison.Ordinal))
            {
                AppendTerm(derived, token.Term);
            }
        }
        return new PassageTerms(titleTerms, sectionTerms, text.ToString(), derived.ToString());
    }

    private static void AppendTerm(StringBuilder builder, string term)
    {
        if (term.Length == 0) return;
        if (builder.Length > 0) builder.Append(' ');
        TermEncoder.Append(builder, term);
    }
}
