using static PolicySearch.Analysis.Tests.TokenStreamAssert;

namespace PolicySearch.Analysis.Tests;

public sealed class UpperCaseFilterTests
{
    [Fact]
    public void Short_capitalised_words_become_acronym_keywords()
    {
        var tokens = Read(new UpperCaseFilter(Words("SIG Sig sig TRYGGHETEN KS")));
        Assert.Equal([true, false, false, false, true], tokens.Select(t => t.IsKeyword));
    }

    [Theory]
    [InlineData("SIG", true)]
    [InlineData("PPSS", true)]
    [InlineData("S", false)]
    [InlineData("", false)]
    [InlineData("Sig", false)]
    [InlineData("STOCKHOLM", false)]
    public void Recognises_acronyms(string term, bool expected) => Assert.Equal(expected, UpperCaseFilter.IsAcronym(term));

    [Fact]
    public void Numbers_are_not_acronyms() =>
        Assert.False(Read(new UpperCaseFilter(SwedishTokenizerTests.Tokenize("2019/1899")))[0].IsUpperCase);

    [Fact]
    public void Random_text_is_safe() =>
        AssertSafeOnRandomText(text => new UpperCaseFilter(SwedishTokenizerTests.Tokenize(text)));

    [Fact]
    public void Reuse_after_reset_gives_the_same_tokens()
    {
        var filter = new UpperCaseFilter(Words("LUP"));
        Assert.True(Read(filter)[0].IsKeyword);
        Assert.True(Read(filter)[0].IsKeyword);
    }
}
