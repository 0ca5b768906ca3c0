namespace PolicySearch.Ingestion;

/// <summary>
/// A paragraph-aligned piece of a document: its text, where it sits in the document's clean text
/// (<see cref="Start"/>..<see cref="End"/>), its section heading, page and speaker.
/// </summary>
public sealed record Passage(
    int Ordinal,
    string Text,
    int Start,
    int End,
    string? Section,
    int? Page,
    Speaker Speaker);
