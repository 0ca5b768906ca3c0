namespace PolicySearch.Analysis.Tests;

public sealed class SwedishAnalyzerTests
{
    private static readonly SwedishAnalyzer Analyzer = new();

    [Fact]
    public void Primary_stream_is_stemmed_without_stop_words()
    {
        var tokens = Primary("Kamerorna i Skärholmen och nämnden");
        Assert.Equal(["kamer", "skärholm", "nämnd"], tokens.Select(t => t.Term));
        Assert.Equal([0, 2, 4], tokens.Select(t => t.Position));
        Assert.Equal([(0, 9), (12, 22), (27, 34)], tokens.Select(t => (t.Start, t.End)));
    }

    [Fact]
    public void Acronym_colliding_with_a_stop_word_survives()
    {
        Assert.Contains(Analyzer.Analyze("arbetet med SIG"), t => t.Term == "sig");
        Assert.DoesNotContain(Analyzer.Analyze("de samlades för sig"), t => t.Term == "sig");
    }

    [Fact]
    public void Identifiers_keep_their_text()
    {
        var tokens = Primary("KS 2019/1899 och SFS 2017:54");
        Assert.Equal(["ks", "2019/1899", "sfs", "2017:54"], tokens.Select(t => t.Term));
        Assert.Equal([TokenKind.Word, TokenKind.Identifier, TokenKind.Word, TokenKind.Identifier], tokens.Select(t => t.Kind));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \t\n")]
    [InlineData("\uDFFF\uD800 \u200F\u0000 \uDC00")]
    public void Text_without_words_gives_no_tokens(string text) => Assert.Empty(Analyzer.Analyze(text));

    [Fact]
    public void Random_and_huge_text_never_throws()
    {
        var random = new Random(7);
        for (int i = 0; i < 100; i++)
        {
            string text = TokenStreamAssert.RandomText(random, random.Next(0, 2000));
            foreach (Token token in Analyzer.Analyze(text, i % 2 == 0 ? AnalysisTarget.Index : AnalysisTarget.Query))
            {
                Assert.InRange(token.Start, 0, token.End);
                Assert.InRange(token.End, token.Start, text.Length);
                Assert.NotEmpty(token.Term);
            }
        }
        Assert.NotEmpty(Analyzer.Analyze(string.Concat(Enumerable.Repeat("kameraövervakning ", 1200))));
    }

    [Fact]
    public void Concurrent_calls_give_the_same_result_as_sequential_ones()
    {
        string[] texts = ["Sociala insatsgrupper (SIG) i Rinkeby-Kista", "trygghetskameror i Skärholmen", "KS 2019/1899 m.fl."];
        var expected = texts.Select(t => Analyzer.Analyze(t)).ToArray();
        Parallel.For(0, 2000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            Assert.Equal(expected[i % texts.Length], Analyzer.Analyze(texts[i % texts.Length])));
    }

    [Theory]
    [InlineData("kameraövervakning", "kamera", "övervakning")]
    [InlineData("trygghetskameror", "trygghet", "kameror")]
    [InlineData("samverkansöverenskommelsen", "samverkan", "överenskommelse")]
    [InlineData("gängkriminalitet", "gäng", "kriminalitet")]
    [InlineData("stadsdelsnämnden", "stadsdel", "nämnd")]
    [InlineData("insatsgrupper", "insats", "grupp")]
    [InlineData("brottsförebyggande", "brott", "förebyggande")]
    [InlineData("klottersanering", "klotter", "sanering")]
    public void Compound_parts_are_stemmed_like_the_words_alone(string compound, string head, string tail)
    {
        var parts = Analyzer.Analyze(compound).Where(t => t.Kind == TokenKind.CompoundPart).ToList();
        Assert.Equal([SwedishStemmerTests.Stem(head), SwedishStemmerTests.Stem(tail)], parts.Select(t => t.Term));
        Assert.All(parts, p => Assert.Equal((0, compound.Length, 0), (p.Start, p.End, p.Position)));
    }

    [Theory]
    [InlineData("ansvar")]
    [InlineData("polisen")]
    [InlineData("Stockholm")]
    [InlineData("programmet")]
    public void Plain_words_are_not_split(string word) =>
        Assert.DoesNotContain(Analyzer.Analyze(word), t => t.Kind == TokenKind.CompoundPart);

    [Theory]
    [InlineData("kameror", "Kameraövervakning i Skärholmen")]
    [InlineData("nämnder", "stadsdelsnämnden beslutade")]
    [InlineData("trygghet", "trygghetskameror")]
    [InlineData("kameraovervakning", "Kameraövervakning i Skärholmen")]
    [InlineData("Skarholmen", "Kameraövervakning i Skärholmen")]
    [InlineData("trygghetskamerorna Skarholmen", "nya trygghetskameror i Skärholmen")]
    [InlineData("stadsdelsnamnden", "stadsdelsnämnden beslutade")]
    [InlineData("overvakning", "kameraövervakning")]
    [InlineData("Älvsjö", "i Hägersten-Älvsjö")]
    [InlineData("Hägersten-Älvsjö", "i Hägersten-Älvsjö")]
    [InlineData("SIG", "Sociala insatsgrupper i ytterstaden")]
    [InlineData("sociala insatsgrupper", "Arbetet med SIG fortsätter")]
    [InlineData("våldsbejakande extremism", "utbildning inom VBE")]
    [InlineData("KS 2019/1899", "Dnr KS 2019/1899")]
    [InlineData("t.ex.", "till exempel, t.ex. klotter")]
    [InlineData("insats", "flera insatser för unga")]
    [InlineData("insatser", "en insats för unga")]
    public void Query_finds_text(string query, string text) => Assert.True(Matches(query, text), $"'{query}' should find '{text}'");

    [Theory]
    [InlineData("sig", "Sociala insatsgrupper i ytterstaden")]
    [InlineData("kameror", "stadsdelsnämnden beslutade")]
    public void Query_does_not_find_unrelated_text(string query, string text) => Assert.False(Matches(query, text));

    [Fact]
    public void Suspended_hyphen_keeps_both_words()
    {
        var tokens = Primary("brottsbekämpande- och brottsförebyggande insatser");
        Assert.Equal(["brottsbekämp", "brottsförebygg", "insats"], tokens.Select(t => t.Term));
        Assert.Contains(Analyzer.Analyze("insatser"), t => t.Term == "insat" && t.Kind == TokenKind.StemVariant);
        Assert.Equal((0, 16), (tokens[0].Start, tokens[0].End));
    }

    [Fact]
    public void Seed_corpus_gives_ordered_positions_and_exact_offsets()
    {
        string corpus = Path.Combine(RepositoryRoot(), "corpus");
        foreach (string path in Directory.EnumerateFiles(corpus, "*.txt"))
        {
            string text = File.ReadAllText(path);
            var tokens = Analyzer.Analyze(text);
            Assert.True(tokens.Count > 500, path);
            int previous = -1;
            foreach (Token token in tokens)
            {
                Assert.InRange(token.End, token.Start + 1, text.Length);
                if (token.Kind is TokenKind.Word or TokenKind.Number or TokenKind.Identifier)
                {
                    Assert.True(token.Position > previous, $"{path}: {token}");
                    previous = token.Position;
                }
                else
                {
                    Assert.Equal(previous, token.Position);
                }
            }
            var identifier = tokens.Where(t => t.Kind == TokenKind.Identifier).Select(t => (t.Term, Text: text[t.Start..t.End]));
            Assert.All(identifier, i => Assert.Equal(i.Text.ToLowerInvariant(), i.Term));
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PolicySearch.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("PolicySearch.sln not found above the test binaries.");
    }

    /// <summary>Every query position (a primary token, plus its alternatives) has a form among the text's terms.</summary>
    private static bool Matches(string query, string text)
    {
        var indexed = Analyzer.Analyze(text).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
        var positions = Analyzer.Analyze(query, AnalysisTarget.Query).GroupBy(t => t.Position).ToList();
        return positions.Count > 0 && positions.All(p => p.Any(t => indexed.Contains(t.Term)));
    }

    private static List<Token> Primary(string text) =>
        Analyzer.Analyze(text).Where(t => t.Kind is TokenKind.Word or TokenKind.Number or TokenKind.Identifier).ToList();
}
