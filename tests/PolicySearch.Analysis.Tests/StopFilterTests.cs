using static PolicySearch.Analysis.Tests.TokenStreamAssert;

namespace PolicySearch.Analysis.Tests;

public sealed class StopFilterTests
{
    [Fact]
    public void Removes_stop_words_leaving_position_gaps() =>
        AssertTokens(new StopFilter(Words("kameror i och skärholmen")),
            ["kameror", "skärholmen"], [0, 14], [7, 24], [1, 3]);

    [Fact]
    public void Keyword_acronym_survives() =>
        AssertTokens(new StopFilter(Words("sig sig", "never-matches")), []);

    [Fact]
    public void Marked_keyword_is_kept() =>
        AssertTokens(new StopFilter(Words("sig om", "sig")), ["sig"], positionIncrements: [1]);

    [Fact]
    public void Whole_snowball_list_is_loaded()
    {
        Assert.True(StopFilter.IsStopWord("vilkas"));
        Assert.True(StopFilter.IsStopWord("och"));
        Assert.False(StopFilter.IsStopWord("polis"));
        Assert.False(StopFilter.IsStopWord(""));
    }

    [Fact]
    public void Random_text_is_safe() =>
        AssertSafeOnRandomText(text => new StopFilter(new LowerCaseFilter(SwedishTokenizerTests.Tokenize(text))));

    [Fact]
    public void Reuse_after_reset_gives_the_same_tokens()
    {
        var filter = new StopFilter(Words("det är trygghet"));
        AssertTokens(filter, ["trygghet"], positionIncrements: [3]);
        AssertTokens(filter, ["trygghet"], positionIncrements: [3]);
    }
}
