namespace PolicySearch.Search;

/// <summary>What training or re-embedding did.</summary>
/// <param name="Model">The model of the index's vectors now ("model id/dimensions").</param>
/// <param name="Passages">Passages embedded.</param>
/// <param name="TrainingTime">Time spent training the local model (zero when only re-embedding).</param>
/// <param name="Elapsed">Total time, embedding and writing included.</param>
/// <param name="ModelBytes">Size of the local model saved in the index (zero when none was saved).</param>
public sealed record EmbeddingReport(string Model, int Passages, TimeSpan TrainingTime, TimeSpan Elapsed, long ModelBytes);

/// <summary>Progress of training the local model and embedding every passage with it.</summary>
/// <param name="Training">True while the model is being trained (before the first passage is embedded).</param>
/// <param name="Embedded">Passages embedded so far.</param>
/// <param name="Total">Passages to embed.</param>
/// <param name="Elapsed">Time since training started.</param>
public sealed record EmbeddingProgress(bool Training, int Embedded, int Total, TimeSpan Elapsed);
