using static PolicySearch.Analysis.Tests.TokenStreamAssert;

namespace PolicySearch.Analysis.Tests;

public sealed class DecompoundFilterTests
{
    [Fact]
    public void Whole_word_is_followed_by_its_parts_with_its_offsets_at_its_position() =>
        AssertTokens(Filter("nya trygghetskameror"),
            ["nya", "trygghetskameror", "trygghet", "kameror"], [0, 4, 4, 4], [3, 20, 20, 20], [1, 1, 0, 0],
            [TokenKind.Word, TokenKind.Word, TokenKind.CompoundPart, TokenKind.CompoundPart]);

    [Fact]
    public void Keywords_are_not_split() => AssertTokens(Filter("kameraövervakning", "kameraövervakning"), ["kameraövervakning"]);

    [Fact]
    public void Words_with_digits_or_hyphens_are_not_split() =>
        AssertTokens(Filter("kamera-övervakning 2019kameraövervakning"), ["kamera-övervakning", "2019kameraövervakning"]);

    [Fact]
    public void Query_words_without_diacritics_use_the_folded_lexicon()
    {
        AssertTokens(Filter("kameraovervakning", foldedLexicon: true), ["kameraovervakning", "kamera", "overvakning"]);
        AssertTokens(Filter("Skarholmen", foldedLexicon: true), ["Skarholmen"]);
    }

    [Fact]
    public void Empty_stream_gives_no_tokens() => AssertTokens(Filter(""), []);

    [Fact]
    public void Random_text_is_safe() =>
        AssertSafeOnRandomText(text => new DecompoundFilter(new LowerCaseFilter(SwedishTokenizerTests.Tokenize(text)), foldedLexicon: true));

    [Fact]
    public void Reuse_after_reset_gives_the_same_tokens()
    {
        var filter = Filter("gängkriminalitet");
        AssertTokens(filter, ["gängkriminalitet", "gäng", "kriminalitet"]);
        AssertTokens(filter, ["gängkriminalitet", "gäng", "kriminalitet"]);
    }

    private static DecompoundFilter Filter(string text, params string[] keywords) => new(Words(text, keywords), foldedLexicon: false);

    private static DecompoundFilter Filter(string text, bool foldedLexicon) => new(Words(text), foldedLexicon);
}
