using System.CommandLine;
using PolicySearch.Search;
using Spectre.Console;

namespace PolicySearch.IndexTool.Commands;

/// <summary><c>policysearch search "q" [--top N] [--mode …] [--body …] [--party …] [--type …] [--json]</c>.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "Keywords or a question" };
        var json = new Option<bool>("--json") { Description = "Print the search JSON (as the API returns it)" };
        var request = new SearchRequestOptions();
        var command = new Command("search", "Search the index") { query, json };
        request.AddTo(command, withFilters: true);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var index = await CliSettings.OpenIndexAsync(parseResult, cancellationToken);
            var response = await index.SearchAsync(request.Request(parseResult, parseResult.GetValue(query)!), cancellationToken);
            if (parseResult.GetValue(json)) Console.WriteLine(CliSettings.ToJson(response, indented: true));
            else Print(response);
            return 0;
        });
        return command;
    }

    private static void Print(SearchResponse response)
    {
        var understood = response.Interpretation;
        AnsiConsole.MarkupLine($"[grey]{response.Total} passages, {response.TookMs} ms; topic:[/] {Markup.Escape(understood.Topic)}" +
            (understood.Speaker is { } s ? $" [grey]speaker:[/] {Markup.Escape(s.Name)}" : "") +
            (understood.Expansions.Count > 0 ? $" [grey]expansions:[/] {Markup.Escape(string.Join(", ", understood.Expansions))}" : ""));
        int rank = 1;
        foreach (var hit in response.Hits)
        {
            AnsiConsole.MarkupLine($"[bold]{rank++}.[/] [blue]{Markup.Escape(hit.Citation)}[/] [grey]({hit.Score:F3})[/]");
            AnsiConsole.MarkupLine("   " + Highlighted(hit));
        }
    }

    private static string Highlighted(SearchHit hit)
    {
        var text = new System.Text.StringBuilder();
        int at = 0;
        foreach (var range in hit.Highlights)
        {
            text.Append(Markup.Escape(hit.Text[at..range.Start])).Append("[yellow]").Append(Markup.Escape(hit.Text[range.Start..range.End])).Append("[/]");
            at = range.End;
        }
        return text.Append(Markup.Escape(hit.Text[at..])).ToString();
    }
}
