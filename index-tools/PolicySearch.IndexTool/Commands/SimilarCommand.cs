using System.CommandLine;
using PolicySearch.Search;
using Spectre.Console;

namespace PolicySearch.IndexTool.Commands;

/// <summary><c>policysearch similar PASSAGE_ID [--top N] [--include-same-document] [--json]</c>: passages nearest in meaning.</summary>
internal static class SimilarCommand
{
    public static Command Create()
    {
        var passage = new Argument<string>("passage-id") { Description = "Id of the passage (passageId in search results)" };
        var top = new Option<int>("--top") { Description = "Number of passages", DefaultValueFactory = _ => 10 };
        var sameDocument = new Option<bool>("--include-same-document") { Description = "Also list passages of the passage's own document" };
        var json = new Option<bool>("--json") { Description = "Print the hits as JSON" };
        var command = new Command("similar", "Passages most similar to a passage, from other documents") { passage, top, sameDocument, json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var index = await CliSettings.OpenIndexAsync(parseResult, cancellationToken);
            string id = parseResult.GetValue(passage)!;
            IReadOnlyList<SearchHit>? hits = await index.SimilarAsync(id, parseResult.GetValue(top), parseResult.GetValue(sameDocument), cancellationToken);
            if (hits is null)
            {
                await Console.Error.WriteLineAsync($"There is no passage {id}.");
                return 1;
            }
            if (parseResult.GetValue(json))
            {
                Console.WriteLine(CliSettings.ToJson(hits, indented: true));
                return 0;
            }
            int rank = 1;
            foreach (SearchHit hit in hits)
            {
                AnsiConsole.MarkupLine($"[bold]{rank++}.[/] [blue]{Markup.Escape(hit.Citation)}[/] [grey](passage {hit.PassageId}, {hit.Score:F3})[/]");
                AnsiConsole.MarkupLine("   " + Markup.Escape(hit.Text.Length > 300 ? hit.Text[..300] + "…" : hit.Text));
            }
            return 0;
        });
        return command;
    }
}
