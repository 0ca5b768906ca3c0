using System.CommandLine;
using PolicySearch.Search;

namespace PolicySearch.IndexTool.Commands;

/// <summary>The options <c>search</c>, <c>batch</c>, <c>eval</c> and <c>bench</c> share, and how they become a <see cref="SearchRequest"/>.</summary>
internal sealed class SearchRequestOptions
{
    public Option<int> Top { get; } = new("--top") { Description = "Number of hits", DefaultValueFactory = _ => 10 };
    public Option<SearchMode> Mode { get; } = new("--mode") { Description = "hybrid | keyword | semantic", DefaultValueFactory = _ => SearchMode.Hybrid };
    public Option<string?> Body { get; } = new("--body") { Description = "Only passages spoken by this nämnd, förvaltning or person" };
    public Option<string?> Party { get; } = new("--party") { Description = "Only passages of this party (abbreviation or name)" };
    public Option<string?> Type { get; } = new("--type") { Description = "Only documents of this type" };

    public void AddTo(Command command, bool withFilters)
    {
        command.Options.Add(Top);
        command.Options.Add(Mode);
        if (!withFilters) return;
        command.Options.Add(Body);
        command.Options.Add(Party);
        command.Options.Add(Type);
    }

    public SearchRequest Request(ParseResult parseResult, string query) => new()
    {
        Query = query,
        Top = parseResult.GetValue(Top),
        Mode = parseResult.GetValue(Mode),
        Body = parseResult.GetValue(Body),
        Party = parseResult.GetValue(Party),
        DocumentType = parseResult.GetValue(Type),
    };
}
