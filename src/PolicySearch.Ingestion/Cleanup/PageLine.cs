namespace PolicySearch.Ingestion;

/// <summary>One physical line of extracted text and the page it is on (null when unknown).</summary>
internal readonly record struct PageLine(string Text, int? Page);
