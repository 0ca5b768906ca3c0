using System.CommandLine;
using System.Text.Json;
using PolicySearch.Analysis;
using Spectre.Console;

namespace PolicySearch.IndexTool.Commands;

/// <summary><c>policysearch analyze "text" [--query] [--json]</c>: shows the token stream the analyzer makes of a text.</summary>
internal static class AnalyzeCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var text = new Argument<string>("text") { Description = "Text to analyse" };
        var query = new Option<bool>("--query") { Description = "Analyse as a search query instead of indexed text" };
        var json = new Option<bool>("--json") { Description = "Print the tokens as JSON" };
        var command = new Command("analyze", "Show the terms, kinds, offsets and positions the Swedish analyzer produces");
        command.Arguments.Add(text);
        command.Options.Add(query);
        command.Options.Add(json);
        command.SetAction(parseResult =>
        {
            var target = parseResult.GetValue(query) ? AnalysisTarget.Query : AnalysisTarget.Index;
            var tokens = new SwedishAnalyzer().Analyze(parseResult.GetRequiredValue(text), target);
            if (parseResult.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(tokens.Select(t => new
                {
                    t.Term, Kind = t.Kind.ToString(), t.Start, t.End, t.Position,
                }), JsonOptions));
                return 0;
            }
            var table = new Table().AddColumns("term", "kind", "start", "end", "position");
            foreach (Token token in tokens)
            {
                table.AddRow(Markup.Escape(token.Term), token.Kind.ToString(), token.Start.ToString(), token.End.ToString(), token.Position.ToString());
            }
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }
}
