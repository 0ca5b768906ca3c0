namespace PolicySearch.Ingestion;

/// <summary>Text as a reader extracted it: one page, with its number when the format knows it (PDF).</summary>
internal sealed record SourcePage(string Text, int? Number);

/// <summary>One physical line of extracted text and the page it is on (null when unknown).</summary>
internal readonly record struct PageLine(string Text, int? Page);
