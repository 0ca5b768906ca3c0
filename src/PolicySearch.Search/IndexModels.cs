namespace PolicySearch.Search;

/// <summary>Progress of an indexing run, reported after each file, then while the run trains the local model and embeds.</summary>
/// <param name="FilesDone">Files finished (indexed, skipped as unchanged, or failed).</param>
/// <param name="FilesTotal">Files found, or null while a document stream is still being read.</param>
/// <param name="Passages">Passages written so far.</param>
/// <param name="Bytes">Source bytes processed so far.</param>
/// <param name="Elapsed">Time since the run started.</param>
/// <param name="CurrentFile">The file just finished.</param>
public sealed record IndexProgress(int FilesDone, int? FilesTotal, int Passages, long Bytes, TimeSpan Elapsed, string? CurrentFile)
{
    /// <summary>Source megabytes per second so far.</summary>
    public double MegabytesPerSecond => Elapsed.TotalSeconds > 0 ? Bytes / 1e6 / Elapsed.TotalSeconds : 0;

    /// <summary>Set once every file is stored and the run goes on to train the local model and embed the passages.</summary>
    public EmbeddingProgress? Embedding { get; init; }
}

/// <summary>A file that could not be indexed and why.</summary>
public sealed record IndexError(string Path, string Message);

/// <summary>What an indexing run did.</summary>
public sealed record IndexReport(
    int FilesIndexed,
    int FilesUnchanged,
    int FilesRemoved,
    int Passages,
    long Bytes,
    TimeSpan Elapsed,
    IReadOnlyList<IndexError> Errors)
{
    /// <summary>Time spent ingesting and analysing (and embedding, when a model exists) documents, summed over the parallel workers.</summary>
    public TimeSpan AnalysisTime { get; init; }

    /// <summary>Time spent writing documents, passages and their FTS5 terms to the index.</summary>
    public TimeSpan WriteTime { get; init; }

    /// <summary>The FTS5 share of <see cref="WriteTime"/>: its inserts and the commits where it flushes its pending terms.</summary>
    public TimeSpan FtsTime { get; init; }

    /// <summary>Set when the run ended by training the local model (the index's first passages) and embedding every passage.</summary>
    public EmbeddingReport? Embedding { get; init; }

    /// <summary>True when files were found but none could be indexed (the CLI then exits non-zero).</summary>
    public bool NothingIndexed => FilesIndexed == 0 && FilesUnchanged == 0 && Errors.Count > 0;
}

/// <summary>A stored document's metadata.</summary>
public sealed record DocumentInfo(
    string DocumentId,
    string Path,
    string Title,
    string? DocumentType,
    string? Date,
    string? Nämnd,
    string? Förvaltning,
    IReadOnlyList<string> Dnrs,
    IReadOnlyList<string> MotionNumbers,
    int Passages,
    string ContentHash);

/// <summary>A speaker and how many passages it speaks.</summary>
public sealed record SpeakerCount(SpeakerView Speaker, int Passages);

/// <summary>Size and provenance of the index.</summary>
public sealed record IndexStats(
    string Path,
    int SchemaVersion,
    int Documents,
    int Passages,
    int Speakers,
    int Vectors,
    string? EmbeddingModel,
    long FileBytes,
    IReadOnlyList<FacetValue> DocumentTypes);
