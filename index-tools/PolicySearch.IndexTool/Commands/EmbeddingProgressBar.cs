using PolicySearch.Search;
using Spectre.Console;

namespace PolicySearch.IndexTool.Commands;

/// <summary>One progress bar for training the local model, then embedding every passage with it.</summary>
internal sealed class EmbeddingProgressBar(ProgressContext context)
{
    private ProgressTask? _task;

    /// <summary>True when progress bars can be drawn (standard error is a terminal).</summary>
    public static bool CanShow => !Console.IsErrorRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>The progress display the CLI's long jobs share.</summary>
    public static Progress Display() => AnsiConsole.Progress()
        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn());

    /// <summary>False until training or embedding first reports.</summary>
    public bool Started => _task is not null;

    public void Show(EmbeddingProgress progress)
    {
        _task ??= context.AddTask("embedding", maxValue: Math.Max(1, progress.Total));
        _task.Value = progress.Embedded;
        _task.Description = progress.Training
            ? $"training the local model ({progress.Total} passages)"
            : $"embedding {progress.Embedded}/{progress.Total} passages";
    }

    public void Complete()
    {
        if (_task is not null) _task.Value = _task.MaxValue;
    }
}
