using static PolicySearch.Analysis.Tests.TokenStreamAssert;

namespace PolicySearch.Analysis.Tests;

public sealed class SwedishTokenizerTests
{
    [Fact]
    public void Swedish_words_with_offsets()
    {
        AssertTokens(Tokenize("Kameror i Skärholmen, Älvsjö."),
            ["Kameror", "i", "Skärholmen", "Älvsjö"], [0, 8, 10, 22], [7, 9, 20, 28], [1, 1, 1, 1]);
    }

    [Theory]
    [InlineData("SFS 2017:54 gäller", "2017:54", TokenKind.Identifier)]
    [InlineData("dnr 1.7.1-563/2017.", "1.7.1-563/2017", TokenKind.Identifier)]
    [InlineData("HV 2020/786", "2020/786", TokenKind.Identifier)]
    [InlineData("unga 18-29 år", "18-29", TokenKind.Number)]
    [InlineData("år 2018.", "2018", TokenKind.Number)]
    [InlineData("3,5 miljoner", "3,5", TokenKind.Number)]
    [InlineData("covid-19 ", "covid-19", TokenKind.Identifier)]
    public void Numbers_and_identifiers_stay_whole(string text, string expected, TokenKind kind)
    {
        var token = Assert.Single(Read(Tokenize(text)), t => t.Term == expected);
        Assert.Equal(kind, token.Kind);
        Assert.True(token.IsKeyword);
        Assert.Equal(expected, text[token.Start..token.End]);
    }

    [Fact]
    public void Case_number_after_abbreviation_is_separate() =>
        AssertTokens(Tokenize("KS 2019/1899"), ["KS", "2019/1899"], [0, 3], [2, 12], kinds: [TokenKind.Word, TokenKind.Identifier]);

    [Fact]
    public void Hyphenated_names_are_one_token() =>
        AssertTokens(Tokenize("Hägersten-Älvsjö och Panther-modellen"), ["Hägersten-Älvsjö", "och", "Panther-modellen"]);

    [Fact]
    public void Suspended_hyphen_leaves_the_first_word() =>
        AssertTokens(Tokenize("brottsbekämpande- och brottsförebyggande"),
            ["brottsbekämpande", "och", "brottsförebyggande"], [0, 18, 22], [16, 21, 40]);

    [Fact]
    public void Dotted_abbreviations_are_single_keyword_tokens()
    {
        var tokens = Read(Tokenize("Lindhagen m.fl. (MP), t.ex. bl.a. och s.k"));
        Assert.Equal(["Lindhagen", "m.fl.", "MP", "t.ex.", "bl.a.", "och", "s.k."], tokens.Select(t => t.Term));
        Assert.Equal("m.fl.", "Lindhagen m.fl. (MP)"[10..15]);
        Assert.Equal((10, 15), (tokens[1].Start, tokens[1].End));
        Assert.True(tokens[1].IsKeyword);
        Assert.False(tokens[0].IsKeyword);
    }

    [Fact]
    public void Sentence_end_is_not_an_abbreviation() =>
        AssertTokens(Tokenize("i Stockholm.Det är"), ["i", "Stockholm", "Det", "är"]);

    [Fact]
    public void Acronym_inflection_after_colon_belongs_to_the_acronym() =>
        AssertTokens(Tokenize("BID:s kartläggning"), ["BID", "kartläggning"], [0, 6], [5, 18]);

    [Fact]
    public void Bullets_and_symbols_are_ignored() =>
        AssertTokens(Tokenize("\uF0B7 Trygghet • Samverkan – 10 %"), ["Trygghet", "Samverkan", "10"], [2, 13, 25], [10, 22, 27]);

    [Fact]
    public void Decomposed_letters_are_normalised_but_offsets_index_the_original()
    {
        string text = "Ska\u0308rholmen ok";
        AssertTokens(Tokenize(text), ["Skärholmen", "ok"], [0, 12], [11, 14]);
    }

    [Fact]
    public void Soft_hyphen_inside_a_word_is_dropped() =>
        AssertTokens(Tokenize("kamera\u00ADövervakning"), ["kameraövervakning"], [0], [18]);

    [Fact]
    public void Very_long_runs_are_cut_into_bounded_tokens()
    {
        string text = new('a', 20_000);
        var tokens = Read(Tokenize(text));
        Assert.All(tokens, t => Assert.InRange(t.Term.Length, 1, SwedishTokenizer.MaxTokenLength));
        Assert.Equal(20_000, tokens.Sum(t => t.Term.Length));
    }

    [Fact]
    public void Lone_surrogates_controls_and_rtl_marks_are_separators() =>
        AssertTokens(Tokenize("a\uD800b\u0001c\u200Fd\uDC00"), ["a", "b", "c", "d"]);

    [Fact]
    public void Empty_text_gives_no_tokens() => AssertTokens(Tokenize(""), []);

    [Fact]
    public void Random_text_is_safe() => AssertSafeOnRandomText(Tokenize);

    [Fact]
    public void Reuse_with_new_text_starts_afresh()
    {
        var tokenizer = new SwedishTokenizer(new TokenAttributes());
        tokenizer.SetText("första texten");
        Read(tokenizer);
        tokenizer.SetText("andra");
        AssertTokens(tokenizer, ["andra"], [0], [5]);
        AssertTokens(tokenizer, ["andra"], [0], [5]);
    }

    internal static SwedishTokenizer Tokenize(string text)
    {
        var tokenizer = new SwedishTokenizer(new TokenAttributes());
        tokenizer.SetText(text);
        return tokenizer;
    }
}
