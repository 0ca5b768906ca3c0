namespace PolicySearch.Ingestion;

/// <summary>A person who signed a document, with the role stated next to the name.</summary>
public sealed record Signatory(string Name, string? Role);

/// <summary>What is known about a document, inferred from its text or given by a sidecar file.</summary>
public sealed record DocumentMetadata
{
    /// <summary>Document title.</summary>
    public required string Title { get; init; }
    /// <summary>Type in lower case Swedish: tjänsteutlåtande, protokollsutdrag, utlåtande, remissvar, motion …</summary>
    public string? DocumentType { get; init; }
    /// <summary>Diarienummer as written, e.g. <c>KS 2019/1899</c>, <c>1.7.1-563/2017</c>.</summary>
    public IReadOnlyList<string> Dnrs { get; init; } = [];
    /// <summary>Referenced motion numbers, e.g. <c>2017:54</c>.</summary>
    public IReadOnlyList<string> MotionNumbers { get; init; } = [];
    /// <summary>The document's date: its dateline or header date, else the latest date it mentions.</summary>
    public DateOnly? Date { get; init; }
    /// <summary>Every full date the document mentions (decisions, deadlines, dated tjänsteutlåtanden), in order.</summary>
    public IReadOnlyList<DateOnly> Dates { get; init; } = [];
    /// <summary>The authoring nämnd.</summary>
    public string? Nämnd { get; init; }
    /// <summary>The authoring förvaltning.</summary>
    public string? Förvaltning { get; init; }
    /// <summary>Signatories with their roles.</summary>
    public IReadOnlyList<Signatory> Signatories { get; init; } = [];
}
