using System.CommandLine;
using System.Globalization;
using PolicySearch.IndexTool.Evaluation;
using Spectre.Console;

namespace PolicySearch.IndexTool.Commands;

/// <summary>
/// <c>policysearch eval EVAL.jsonl [--json] [--mode …]</c>: runs the eval queries and scores them exactly as
/// <c>score.py</c> does (nDCG@10, Recall@10, MRR, Neg@5; per query and per kind).
/// </summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("eval") { Description = "Eval JSONL (id, query, kind, relevant, negatives)" };
        var json = new Option<bool>("--json") { Description = "Print {\"summary\", \"per\"} as score.py --json does" };
        var request = new SearchRequestOptions();
        var command = new Command("eval", "Score retrieval on an eval set") { file, json };
        request.AddTo(command, withFilters: false);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var items = await QueryFile.ReadAsync<EvalItem>(parseResult.GetValue(file)!.FullName, cancellationToken);
            using var index = await CliSettings.OpenIndexAsync(parseResult, cancellationToken);
            // Scored at k = 10 whatever --top says, as the metric is defined.
            var results = await QueryFile.RunAsync(index, items.Select(i => (i.Id, i.Query)),
                q => request.Request(parseResult, q) with { Top = Math.Max(10, parseResult.GetValue(request.Top)) }, cancellationToken);
            var perQuery = items.Zip(results, (item, result) => (item.Id, Metrics: RetrievalScorer.Score(item, result.Hits.Select(h => h.Text).ToList()))).ToList();
            var summary = RetrievalScorer.Summarise(perQuery.Select(p => p.Metrics).ToList());
            if (parseResult.GetValue(json))
            {
                Console.WriteLine(CliSettings.ToJson(new
                {
                    summary = summary.ToDictionary(s => s.Kind, s => s.Summary),
                    per = perQuery.ToDictionary(p => p.Id, p => p.Metrics),
                }));
                return 0;
            }
            Print(parseResult.GetValue(request.Mode).ToString().ToLowerInvariant(), perQuery, summary);
            return 0;
        });
        return command;
    }

    private static void Print(string mode, List<(string Id, QueryMetrics Metrics)> perQuery, IReadOnlyList<(string Kind, MetricSummary Summary)> summary)
    {
        var queries = new Table().Title($"per query ({mode})").AddColumns("id", "kind", "nDCG@10", "Recall@10", "MRR", "Neg@5", "hits");
        foreach (var (id, m) in perQuery)
            queries.AddRow(id, m.Kind, F(m.Ndcg), F(m.Recall), F(m.Mrr), F(m.Neg5), m.N.ToString(CultureInfo.InvariantCulture));
        AnsiConsole.Write(queries);
        var kinds = new Table().Title($"per kind ({mode})").AddColumns("kind", "nDCG@10", "Recall@10", "MRR", "Neg@5");
        foreach (var (kind, s) in summary) kinds.AddRow(kind, F(s.Ndcg), F(s.Recall), F(s.Mrr), F(s.Neg5));
        AnsiConsole.Write(kinds);
    }

    private static string F(double? value) => value is { } v ? v.ToString("F3", CultureInfo.InvariantCulture) : "-";
}
