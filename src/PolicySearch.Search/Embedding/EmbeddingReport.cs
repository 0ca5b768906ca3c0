namespace PolicySearch.Search;

/// <summary>What training or re-embedding did.</summary>
/// <param name="Model">The model of the index's vectors now ("model id/dimensions").</param>
/// <param name="Passages">Passages embedded.</param>
/// <param name="TrainingTime">Time spent training the local model (zero when only re-embedding).</param>
/// <param name="Elapsed">Total time, embedding and writing included.</param>
/// <param name="ModelBytes">Size of the local model saved in the index (zero when none was saved).</param>
public sealed record EmbeddingReport(string Model, int Passages, TimeSpan TrainingTime, TimeSpan Elapsed, long ModelBytes);
