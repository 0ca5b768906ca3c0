using static PolicySearch.Analysis.Tests.TokenStreamAssert;

namespace PolicySearch.Analysis.Tests;

public sealed class LowerCaseFilterTests
{
    [Fact]
    public void Lower_cases_swedish_letters_keeping_offsets() =>
        AssertTokens(new LowerCaseFilter(Words("ÅSA Älvsjö ÖSTERMALM É")),
            ["åsa", "älvsjö", "östermalm", "é"], [0, 4, 11, 21], [3, 10, 20, 22]);

    [Fact]
    public void Every_character_is_lower_cased_as_ToLowerInvariant_does()
    {
        var all = Enumerable.Range(0, char.MaxValue + 1).Select(i => (char)i).Where(c => !char.IsSurrogate(c)).ToArray();
        var lowered = all.ToArray();

        LowerCaseFilter.LowerCase(lowered);

        Assert.Equal(all.Select(char.ToLowerInvariant), lowered);
    }

    [Fact]
    public void Keywords_are_lower_cased_too() =>
        AssertTokens(new LowerCaseFilter(Words("SIG", "SIG")), ["sig"]);

    [Fact]
    public void Culture_does_not_matter() =>
        AssertTokens(new LowerCaseFilter(Words("INSATS")), ["insats"]);

    [Fact]
    public void Empty_stream_gives_no_tokens() => AssertTokens(new LowerCaseFilter(Words("")), []);

    [Fact]
    public void Random_text_is_safe() =>
        AssertSafeOnRandomText(text => new LowerCaseFilter(SwedishTokenizerTests.Tokenize(text)));

    [Fact]
    public void Reuse_after_reset_gives_the_same_tokens()
    {
        var filter = new LowerCaseFilter(Words("Kista"));
        AssertTokens(filter, ["kista"]);
        AssertTokens(filter, ["kista"]);
    }
}
