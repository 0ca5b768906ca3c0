using static PolicySearch.Analysis.Tests.TokenStreamAssert;

namespace PolicySearch.Analysis.Tests;

public sealed class SuspendedHyphenFilterTests
{
    [Fact]
    public void Cut_word_gets_the_ending_of_the_compound_after_the_conjunction() =>
        AssertTokens(Filter("trygghets- och säkerhetsprogram"),
            ["trygghets", "trygghetsprogram", "och", "säkerhetsprogram"], [0, 0, 11, 15], [9, 9, 14, 31], [1, 0, 1, 1],
            [TokenKind.Word, TokenKind.CompoundPart, TokenKind.Word, TokenKind.Word]);

    [Fact]
    public void Cut_word_that_is_a_compound_itself_is_not_completed() =>
        AssertTokens(Filter("brottsbekämpande- och brottsförebyggande"), ["brottsbekämpande", "och", "brottsförebyggande"]);

    [Fact]
    public void Without_a_conjunction_nothing_is_added() =>
        AssertTokens(Filter("trygghets- säkerhetsprogram"), ["trygghets", "säkerhetsprogram"]);

    [Fact]
    public void Text_ending_after_the_cut_word_is_safe()
    {
        AssertTokens(Filter("trygghets- "), ["trygghets"]);
        AssertTokens(Filter("trygghets- och"), ["trygghets", "och"]);
    }

    [Fact]
    public void Hyphen_inside_a_word_is_not_suspended() =>
        AssertTokens(Filter("Rinkeby-Kista och säkerhetsprogram"), ["rinkeby-kista", "och", "säkerhetsprogram"]);

    [Fact]
    public void Random_text_is_safe() => AssertSafeOnRandomText(Filter);

    [Fact]
    public void Reuse_after_reset_gives_the_same_tokens()
    {
        var tokenizer = new SwedishTokenizer(new TokenAttributes());
        var filter = new SuspendedHyphenFilter(new LowerCaseFilter(tokenizer));
        tokenizer.SetText("risk- och lägesbildrapporter");
        var first = Read(filter);
        tokenizer.SetText("risk- och lägesbildrapporter");
        Assert.Equal(first, Read(filter));
        Assert.Contains(first, t => t.Term == "riskrapporter");
    }

    private static SuspendedHyphenFilter Filter(string text) =>
        new(new LowerCaseFilter(SwedishTokenizerTests.Tokenize(text)));
}
