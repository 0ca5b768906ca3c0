using static PolicySearch.Analysis.Tests.TokenStreamAssert;

namespace PolicySearch.Analysis.Tests;

public sealed class FoldingFilterTests
{
    [Fact]
    public void Words_with_diacritics_are_followed_by_their_folded_form() =>
        AssertTokens(new FoldingFilter(Words("skärholm kista café über")),
            ["skärholm", "skarholm", "kista", "café", "cafe", "über", "uber"], [0, 0, 9, 15, 15, 20, 20], [8, 8, 14, 19, 19, 24, 24],
            [1, 0, 1, 1, 0, 1, 0],
            [TokenKind.Word, TokenKind.Folded, TokenKind.Word, TokenKind.Word, TokenKind.Folded, TokenKind.Word, TokenKind.Folded]);

    [Fact]
    public void Keywords_are_folded_too() => AssertTokens(new FoldingFilter(Words("säpo", "säpo")), ["säpo", "sapo"]);

    [Theory]
    [InlineData("kameraövervakning", "kameraovervakning")]
    [InlineData("ÅÄÖ", "AAO")]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    public void Folds_one_character_for_one(string text, string folded) => Assert.Equal(folded, DiacriticFolder.Fold(text));

    [Fact]
    public void Empty_stream_gives_no_tokens() => AssertTokens(new FoldingFilter(Words("")), []);

    [Fact]
    public void Random_text_is_safe() =>
        AssertSafeOnRandomText(text => new FoldingFilter(SwedishTokenizerTests.Tokenize(text)));

    [Fact]
    public void Reuse_after_reset_gives_the_same_tokens()
    {
        var filter = new FoldingFilter(Words("älvsjö"));
        AssertTokens(filter, ["älvsjö", "alvsjo"]);
        AssertTokens(filter, ["älvsjö", "alvsjo"]);
    }
}
