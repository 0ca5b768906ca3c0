using static PolicySearch.Analysis.Tests.TokenStreamAssert;

namespace PolicySearch.Analysis.Tests;

public sealed class HyphenatedWordFilterTests
{
    [Fact]
    public void Hyphenated_name_gives_whole_and_parts_at_one_position() =>
        AssertTokens(new HyphenatedWordFilter(Words("i Rinkeby-Kista")),
            ["i", "Rinkeby-Kista", "Rinkeby", "Kista"], [0, 2, 2, 2], [1, 15, 15, 15], [1, 1, 0, 0],
            [TokenKind.Word, TokenKind.Word, TokenKind.CompoundPart, TokenKind.CompoundPart]);

    [Fact]
    public void Numbers_are_not_split() =>
        AssertTokens(new HyphenatedWordFilter(SwedishTokenizerTests.Tokenize("18-29")), ["18-29"]);

    [Fact]
    public void Identifier_parts_with_digits_are_keywords()
    {
        var tokens = Read(new HyphenatedWordFilter(SwedishTokenizerTests.Tokenize("covid-19")));
        Assert.Equal(["covid-19", "covid", "19"], tokens.Select(t => t.Term));
        Assert.Equal([true, false, true], tokens.Select(t => t.IsKeyword));
    }

    [Fact]
    public void Keyword_is_still_split_because_parts_are_new_tokens() =>
        AssertTokens(new HyphenatedWordFilter(Words("Hägersten-Älvsjö", "Hägersten-Älvsjö")),
            ["Hägersten-Älvsjö", "Hägersten", "Älvsjö"]);

    [Fact]
    public void Empty_parts_are_skipped() =>
        AssertTokens(new HyphenatedWordFilter(Words("a--b -")), ["a--b", "a", "b", "-"]);

    [Fact]
    public void Random_text_is_safe() =>
        AssertSafeOnRandomText(text => new HyphenatedWordFilter(SwedishTokenizerTests.Tokenize(text)));

    [Fact]
    public void Reuse_after_reset_gives_the_same_tokens()
    {
        var filter = new HyphenatedWordFilter(Words("Panther-modellen"));
        AssertTokens(filter, ["Panther-modellen", "Panther", "modellen"]);
        AssertTokens(filter, ["Panther-modellen", "Panther", "modellen"]);
    }
}
