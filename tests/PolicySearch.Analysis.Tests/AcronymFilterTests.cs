using static PolicySearch.Analysis.Tests.TokenStreamAssert;

namespace PolicySearch.Analysis.Tests;

public sealed class AcronymFilterTests
{
    private static readonly AcronymTable Table = new();

    [Fact]
    public void Acronym_in_capitals_is_followed_by_the_stems_of_its_expansion() =>
        AssertTokens(Filter("arbetet med SIG"),
            ["arbetet", "sig", "social", "insatsgrupp"], [0, 12, 12, 12], [7, 15, 15, 15], [1, 2, 0, 0],
            [TokenKind.Word, TokenKind.Word, TokenKind.AcronymExpansion, TokenKind.AcronymExpansion]);

    [Fact]
    public void Written_out_expansion_is_followed_by_the_acronym_spanning_the_phrase() =>
        AssertTokens(Filter("Sociala insatsgrupperna arbetar"),
            ["social", "insatsgrupp", "sig", "arbet"], [0, 8, 0, 24], [7, 23, 23, 31], [1, 1, 0, 1]);

    [Fact]
    public void Phrase_interrupted_by_another_word_is_not_an_acronym() =>
        Assert.DoesNotContain(Read(Filter("sociala och nya insatsgrupper")), t => t.Term == "sig");

    [Fact]
    public void Lower_case_word_is_not_expanded() =>
        AssertTokens(Filter("lup", upperCase: false), ["lup"]);

    [Fact]
    public void Empty_stream_gives_no_tokens() => AssertTokens(Filter(""), []);

    [Fact]
    public void Random_text_is_safe() => AssertSafeOnRandomText(text => Filter(text));

    [Fact]
    public void Reset_forgets_the_previous_text()
    {
        var tokenizer = new SwedishTokenizer(new TokenAttributes());
        var filter = new AcronymFilter(Chain(tokenizer, upperCase: true), Table);
        tokenizer.SetText("sociala");
        Read(filter);
        tokenizer.SetText("insatsgrupper");
        AssertTokens(filter, ["insatsgrupp"]);
    }

    private static AcronymFilter Filter(string text, bool upperCase = true)
    {
        var tokenizer = new SwedishTokenizer(new TokenAttributes());
        tokenizer.SetText(text);
        return new AcronymFilter(Chain(tokenizer, upperCase), Table);
    }

    private static TokenStream Chain(SwedishTokenizer tokenizer, bool upperCase)
    {
        TokenStream stream = upperCase ? new UpperCaseFilter(tokenizer) : tokenizer;
        return new SwedishStemFilter(new StopFilter(new LowerCaseFilter(stream)));
    }
}
