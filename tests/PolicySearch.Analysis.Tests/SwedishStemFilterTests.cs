using static PolicySearch.Analysis.Tests.TokenStreamAssert;

namespace PolicySearch.Analysis.Tests;

public sealed class SwedishStemFilterTests
{
    [Fact]
    public void Stems_words_in_place_keeping_offsets() =>
        AssertTokens(new SwedishStemFilter(Words("kamerorna nämnden")), ["kamer", "nämnd"], [0, 10], [9, 17], [1, 1]);

    [Fact]
    public void Keywords_are_not_stemmed() =>
        AssertTokens(new SwedishStemFilter(Words("insatser stis", "insatser")), ["insatser", "stis"]);

    [Fact]
    public void Empty_stream_gives_no_tokens() => AssertTokens(new SwedishStemFilter(Words("   ")), []);

    [Fact]
    public void Random_text_is_safe() =>
        AssertSafeOnRandomText(text => new SwedishStemFilter(new LowerCaseFilter(SwedishTokenizerTests.Tokenize(text))));

    [Fact]
    public void Reuse_after_reset_gives_the_same_tokens()
    {
        var filter = new SwedishStemFilter(Words("grupper"));
        AssertTokens(filter, ["grupp"]);
        AssertTokens(filter, ["grupp"]);
    }
}
