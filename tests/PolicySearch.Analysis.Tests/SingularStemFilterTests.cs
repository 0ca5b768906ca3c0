using static PolicySearch.Analysis.Tests.TokenStreamAssert;

namespace PolicySearch.Analysis.Tests;

public sealed class SingularStemFilterTests
{
    [Fact]
    public void Plural_stem_ending_in_s_is_followed_by_the_singular_stem() =>
        AssertTokens(Filter("insatser kurser"),
            ["insats", "insat", "kurs", "kur"], [0, 0, 9, 9], [8, 8, 15, 15], [1, 0, 1, 0],
            [TokenKind.Word, TokenKind.StemVariant, TokenKind.Word, TokenKind.StemVariant]);

    [Theory]
    [InlineData("kameror")]
    [InlineData("processer")]
    [InlineData("insats")]
    [InlineData("nämnden")]
    public void Other_stems_get_no_variant(string word) => Assert.Single(Read(Filter(word)));

    [Fact]
    public void Keywords_are_left_alone() => AssertTokens(new SingularStemFilter(Words("insats", "insats")), ["insats"]);

    [Fact]
    public void Empty_stream_gives_no_tokens() => AssertTokens(Filter(""), []);

    [Fact]
    public void Random_text_is_safe() =>
        AssertSafeOnRandomText(text => new SingularStemFilter(new SwedishStemFilter(new LowerCaseFilter(SwedishTokenizerTests.Tokenize(text)))));

    [Fact]
    public void Reuse_after_reset_gives_the_same_tokens()
    {
        var filter = Filter("insatser");
        AssertTokens(filter, ["insats", "insat"]);
        AssertTokens(filter, ["insats", "insat"]);
    }

    private static SingularStemFilter Filter(string text) => new(new SwedishStemFilter(Words(text)));
}
