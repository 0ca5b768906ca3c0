namespace PolicySearch.Analysis.Tests;

public sealed class AcronymTableTests
{
    [Fact]
    public void Domain_table_is_loaded_from_its_data_file()
    {
        var table = new AcronymTable();
        Assert.Equal(["sociala insatsgrupper"], table.Pairs["SIG"]);
        Assert.Equal(["kommunstyrelsen"], table.Pairs["KS"]);
        Assert.Contains("lokala utvecklingsprogram", table.Pairs["LUP"]);
    }

    [Theory]
    [InlineData("sig", "SIG")]
    [InlineData("Sig", "SIG")]
    [InlineData("SIG", "SIG")]
    [InlineData("ks", null)] // an acronym, but no stop word: the analyzer keeps it anyway
    [InlineData("och", null)] // a stop word, but no acronym
    [InlineData("", null)]
    public void Only_a_domain_acronym_spelled_like_a_stop_word_is_offered(string word, string? acronym) =>
        Assert.Equal(acronym, AcronymTable.AcronymSpelledAsStopWord(word));

    [Fact]
    public void A_learned_acronym_spelled_like_a_stop_word_is_not_offered()
    {
        var table = new AcronymTable();
        Assert.Equal(1, table.Learn("enligt Vård Av Rehabilitering (VAR) ska"));

        Assert.Null(AcronymTable.AcronymSpelledAsStopWord("var"));
    }

    [Theory]
    [InlineData("det så kallade Sociala Insatsgrupper (SIG) samt", "SIG", "Sociala Insatsgrupper")]
    [InlineData("inom ramen för lokala utvecklingsprogram, LUP. Syftet", "LUP", "lokala utvecklingsprogram")]
    [InlineData("en handlingsplan mot våldsbejakande extremism\n\n(VBE) vilken", "VBE", "våldsbejakande extremism")]
    [InlineData("Pilotprojekt samverkan skola och\n\nsocialtjänst (PPSS) utgör", "PPSS", "Pilotprojekt samverkan skola och socialtjänst")]
    [InlineData("stöd från Relationsvåldscentrum (RVC) som", "RVC", "Relationsvåldscentrum")]
    [InlineData("arbetet med TKR (trygghet i kollektivtrafiken och resor) fortsätter", "TKR", "trygghet i kollektivtrafiken och resor")]
    public void Finds_acronyms_the_text_defines(string text, string acronym, string expansion) =>
        Assert.Equal([(acronym, expansion)], AcronymDefinitionFinder.Find(text));

    [Theory]
    [InlineData("Ordföranden Åsa Lindhagen m.fl. (MP) och")]
    [InlineData("Ersättaren Sofia Modigh (KD) hänvisar")]
    [InlineData("sammanträde i april 2020 (dnr RK 2020/196).")]
    [InlineData("KS, KF och SLK")]
    [InlineData("(SIG)")]
    [InlineData("")]
    public void Ignores_parentheses_that_define_nothing(string text) => Assert.Empty(AcronymDefinitionFinder.Find(text));

    [Fact]
    public void Learned_pair_connects_acronym_and_phrase_in_later_analysis()
    {
        var analyzer = new SwedishAnalyzer();
        Assert.Equal(1, analyzer.Acronyms.Learn("Enligt Trygghet i Kollektivtrafiken (TIK) ska"));
        Assert.Equal(0, analyzer.Acronyms.Learn("Enligt Trygghet i Kollektivtrafiken (TIK) ska"));
        var tokens = analyzer.Analyze("trygghet i kollektivtrafiken");
        Token acronym = Assert.Single(tokens, t => t.Kind == TokenKind.AcronymExpansion);
        Assert.Equal(("tik", 0, 28), (acronym.Term, acronym.Start, acronym.End));
        Assert.Contains(analyzer.Analyze("TIK", AnalysisTarget.Query), t => t.Term == "kollektivtrafik" && t.Kind == TokenKind.AcronymExpansion);
    }

    [Fact]
    public void Learning_while_analysing_on_other_threads_is_safe()
    {
        var analyzer = new SwedishAnalyzer();
        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            if (i % 4 == 0)
            {
                analyzer.Acronyms.Add($"X{(char)('A' + i % 26)}{(char)('A' + i / 26 % 26)}", $"ord nummer {i}");
            }
            Assert.Contains(analyzer.Analyze("SIG"), t => t.Term == "insatsgrupp");
        });
        Assert.True(analyzer.Acronyms.Pairs.Count > 100);
    }

    [Fact]
    public void Blank_pairs_are_rejected() => Assert.Throws<ArgumentException>(() => new AcronymTable().Add("SIG", " "));
}
