using System.CommandLine;
using PolicySearch.IndexTool.Evaluation;

namespace PolicySearch.IndexTool.Commands;

/// <summary><c>policysearch batch QUERIES.jsonl [--top N] [--mode …]</c>: lines <c>{"id","query"}</c> in, <c>{"qid","hits"}</c> out.</summary>
internal static class BatchCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("queries") { Description = "JSONL file with {\"id\", \"query\"} lines" };
        var request = new SearchRequestOptions();
        var command = new Command("batch", "Run many queries; write one JSON line of hits per query") { file };
        request.AddTo(command, withFilters: false);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var queries = await QueryFile.ReadAsync<BatchQuery>(parseResult.GetValue(file)!.FullName, cancellationToken);
            using var index = await CliSettings.OpenIndexAsync(parseResult, cancellationToken);
            var results = await QueryFile.RunAsync(index, queries.Select(q => (q.Id, q.Query)), q => request.Request(parseResult, q), cancellationToken);
            foreach (var (id, hits) in results)
                Console.WriteLine(CliSettings.ToJson(new BatchResult(id, hits)));
            return 0;
        });
        return command;
    }
}
