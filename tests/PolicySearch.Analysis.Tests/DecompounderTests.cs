namespace PolicySearch.Analysis.Tests;

public sealed class DecompounderTests
{
    [Theory]
    [InlineData("kameraövervakning", "kamera", "övervakning")]
    [InlineData("trygghetskameror", "trygghet", "kameror")]
    [InlineData("gängkriminalitet", "gäng", "kriminalitet")]
    [InlineData("stadsdelsnämnden", "stadsdel", "nämnden")]
    [InlineData("insatsgrupper", "insats", "grupper")]
    [InlineData("brottsförebyggande", "brott", "förebyggande")]
    [InlineData("klottersanering", "klotter", "sanering")]
    [InlineData("skolenkäter", "skola", "enkäter")]
    [InlineData("stadsledningskontorets", "stadsledning", "kontorets")]
    public void Splits_compounds_into_lemma_and_written_tail(string word, string head, string tail) =>
        Assert.Equal([head, tail], Split(word, CompoundLexicon.Default));

    [Theory]
    [InlineData("polishuset", "polis", "huset")]
    [InlineData("riksdagen", "riks", "dagen")]
    [InlineData("arbetslag", "arbets", "lag")]
    [InlineData("utlänningslagen", "utlänning", "lagen")]
    [InlineData("brottsoffer", "brott", "offer")]
    public void Short_last_parts_split_where_hunspell_vouches_for_both_sides(string word, string head, string tail) =>
        Assert.Equal([head, tail], Split(word, CompoundLexicon.Default));

    [Theory]
    [InlineData("polisens")]
    [InlineData("kommunens")]
    [InlineData("snabbare")]
    [InlineData("sjukdom")]
    [InlineData("storlek")]
    [InlineData("byggande")]
    [InlineData("exempelvis")]
    [InlineData("programmet")]
    public void Endings_that_look_like_short_words_are_not_parts(string word) =>
        Assert.Empty(Split(word, CompoundLexicon.Default));

    [Fact]
    public void Linking_s_of_a_compound_only_head_is_kept_for_the_stemmer() =>
        Assert.Equal(["samverkans", "överenskommelsen"], Split("samverkansöverenskommelsen", CompoundLexicon.Default));

    [Fact]
    public void Three_parts_when_no_two_part_split_exists() =>
        Assert.Equal(["föräldra", "stöd", "program"], Split("föräldrastödsprogram", CompoundLexicon.Default));

    [Theory]
    [InlineData("ansvar")]
    [InlineData("polisen")]
    [InlineData("stockholm")]
    [InlineData("stockholms")]
    [InlineData("programmet")]
    [InlineData("förslag")]
    [InlineData("erfarenhet")]
    [InlineData("myndigheter")]
    [InlineData("förebyggande")]
    [InlineData("avgörande")]
    [InlineData("ersättaren")]
    [InlineData("sammanträde")]
    [InlineData("skärholmen")]
    [InlineData("individen")]
    public void Known_words_names_and_short_parts_stay_whole(string word) =>
        Assert.Empty(Split(word, CompoundLexicon.Default));

    [Theory]
    [InlineData("")]
    [InlineData("kort")]
    [InlineData("xqzvbnmlkjhgfdsapoiuytrewq")]
    public void Short_or_unknown_words_stay_whole(string word) => Assert.Empty(Split(word, CompoundLexicon.Default));

    [Fact]
    public void Overlong_words_are_not_searched() =>
        Assert.Empty(Split(string.Concat(Enumerable.Repeat("kamera", 20)), CompoundLexicon.Default));

    [Fact]
    public void Folded_lexicon_splits_words_typed_without_diacritics()
    {
        Assert.Equal(["kamera", "overvakning"], Split("kameraovervakning", CompoundLexicon.Folded));
        Assert.Empty(Split("skarholmen", CompoundLexicon.Folded));
    }

    private static string[] Split(string word, CompoundLexicon lexicon)
    {
        var parts = new CompoundPart[Decompounder.MaxParts];
        int count = Decompounder.Split(word, lexicon, parts);
        return parts.Take(count).Select(p => p.Text(word).ToString()).ToArray();
    }
}
