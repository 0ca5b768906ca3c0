namespace PolicySearch.Api.Hosting;

/// <summary>Where the index is in its start-up: <c>/health</c> reports ready only in <see cref="Ready"/>.</summary>
internal enum IndexPhase
{
    Starting,
    Indexing,
    Ready,
    Failed,
}

/// <summary>How far the first indexing run has come.</summary>
internal sealed record IndexingProgress(int Done, int Total);

/// <summary>
/// The index's readiness, shared between the background indexer (writer) and <c>/health</c> (reader).
/// Each update replaces one immutable snapshot, so readers never see a phase with another phase's progress.
/// </summary>
internal sealed class IndexReadiness
{
    private Snapshot _current = new(IndexPhase.Starting, null, null);

    public Snapshot Current => Volatile.Read(ref _current);

    public void Indexing(IndexingProgress progress) => Volatile.Write(ref _current, new(IndexPhase.Indexing, progress, null));

    public void Ready() => Volatile.Write(ref _current, new(IndexPhase.Ready, null, null));

    public void Failed(string reason) => Volatile.Write(ref _current, new(IndexPhase.Failed, null, reason));

    /// <summary>One consistent state: the phase, progress while indexing, and the reason when failed.</summary>
    internal sealed record Snapshot(IndexPhase Phase, IndexingProgress? Progress, string? FailureReason);
}
