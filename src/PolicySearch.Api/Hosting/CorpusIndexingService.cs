using Microsoft.Extensions.Options;
using PolicySearch.Search;

namespace PolicySearch.Api.Hosting;

/// <summary>
/// Indexes the configured corpus folder in the background on start, while the service already answers.
/// An empty index is not ready until this finishes; an existing index is ready at once and only refreshed
/// (re-indexing is idempotent by content hash, so unchanged files cost a hash each).
/// </summary>
internal sealed partial class CorpusIndexingService(
    PolicySearchIndex index,
    IndexReadiness readiness,
    IOptions<IndexOptions> options,
    ILogger<CorpusIndexingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        bool hadDocuments;
        try
        {
            hadDocuments = (await index.GetStatsAsync(stoppingToken)).Documents > 0;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogIndexUnusable(logger, e);
            readiness.Failed("Indexet kunde inte öppnas.");
            return;
        }
        if (hadDocuments)
            readiness.Ready();

        string corpus = options.Value.CorpusPath;
        if (!Directory.Exists(corpus))
        {
            LogCorpusMissing(logger, corpus);
            readiness.Ready();
            return;
        }

        LogIndexingStarted(logger, corpus);
        try
        {
            IndexReport report = await index.IndexAsync([corpus], prune: true,
                new ProgressReporter(hadDocuments ? null : readiness, logger), stoppingToken);
            foreach (IndexError error in report.Errors)
                LogFileFailed(logger, error.Path, error.Message);
            LogIndexingFinished(logger, report.FilesIndexed, report.FilesUnchanged, report.FilesRemoved, report.Errors.Count, report.Passages);
            readiness.Ready();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await index.WarmUpAsync(stoppingToken);
            LogWarmedUp(logger, clock.ElapsedMilliseconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: a later start resumes, since finished documents are committed one by one.
        }
        catch (Exception e)
        {
            LogIndexingFailed(logger, corpus, e);
            if (hadDocuments)
                readiness.Ready();
            else
                readiness.Failed("Indexeringen av dokumentsamlingen misslyckades; se tjänstens logg.");
        }
    }

    /// <summary>
    /// Publishes progress to <c>/health</c> (first build only) and logs about every 5 %. Files finish on several
    /// threads, so reports can arrive out of order; older ones are dropped.
    /// </summary>
    private sealed class ProgressReporter(IndexReadiness? firstBuild, ILogger logger) : IProgress<IndexProgress>
    {
        private readonly Lock _gate = new();
        private int _done = -1;
        private int _loggedStep = -1;

        public void Report(IndexProgress value)
        {
            int total = value.FilesTotal ?? 0;
            int step = value.FilesDone / Math.Max(1, total / 20);
            lock (_gate)
            {
                if (value.FilesDone <= _done)
                    return;
                _done = value.FilesDone;
                firstBuild?.Indexing(new IndexingProgress(value.FilesDone, total));
                if (step == _loggedStep && value.FilesDone != total)
                    return;
                _loggedStep = step;
            }
            LogProgress(logger, value.FilesDone, total, value.Passages);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Indexing corpus {CorpusPath} in the background")]
    private static partial void LogIndexingStarted(ILogger logger, string corpusPath);

    [LoggerMessage(Level = LogLevel.Information, Message = "Indexing: {Done}/{Total} files, {Passages} passages")]
    private static partial void LogProgress(ILogger logger, int done, int total, int passages);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not index {FilePath}: {Reason}")]
    private static partial void LogFileFailed(ILogger logger, string filePath, string reason);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Corpus indexed: {Indexed} new or changed, {Unchanged} unchanged, {Removed} removed, {Failed} failed ({Passages} passages written); the index is ready")]
    private static partial void LogIndexingFinished(ILogger logger, int indexed, int unchanged, int removed, int failed, int passages);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search data loaded into memory in {Milliseconds} ms")]
    private static partial void LogWarmedUp(ILogger logger, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Corpus folder {CorpusPath} does not exist; serving the index as it is")]
    private static partial void LogCorpusMissing(ILogger logger, string corpusPath);

    [LoggerMessage(Level = LogLevel.Error, Message = "Indexing corpus {CorpusPath} failed")]
    private static partial void LogIndexingFailed(ILogger logger, string corpusPath, Exception exception);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The index cannot be opened")]
    private static partial void LogIndexUnusable(ILogger logger, Exception exception);
}
