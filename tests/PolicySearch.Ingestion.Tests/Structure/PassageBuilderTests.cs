using PolicySearch.Ingestion.Readers;

namespace PolicySearch.Ingestion.Tests.Structure;

public class PassageBuilderTests
{
    [Theory]
    [MemberData(nameof(Seeds.Numbers), MemberType = typeof(Seeds))]
    public void Passages_index_the_clean_text_and_stay_within_bounds(string seed)
    {
        Document document = Seeds.Get(seed);

        Assert.NotEmpty(document.Passages);
        Assert.All(document.Passages, p =>
        {
            Assert.Equal(document.CleanText[p.Start..p.End], p.Text);
            Assert.InRange(p.Text.Length, 1, PassageBuilder.MaxLength);
        });
        Assert.Equal(Enumerable.Range(0, document.Passages.Count), document.Passages.Select(p => p.Ordinal));
        Assert.True(document.Passages.Zip(document.Passages.Skip(1)).All(pair => pair.First.End <= pair.Second.Start), "passages overlap");
        // Most passages are real, paragraph-sized pieces; a few short ones stand alone in their section.
        Assert.True(document.Passages.Average(p => p.Text.Length) >= 300, $"average {document.Passages.Average(p => p.Text.Length)}");
    }

    [Theory]
    [MemberData(nameof(Seeds.Numbers), MemberType = typeof(Seeds))]
    public void Passages_never_cross_a_heading(string seed)
    {
        CleanDocument clean = TextCleaner.Clean([new ExtractedPage(null, File.ReadAllText(Seeds.PathOf(seed)))]);
        Document document = Seeds.Get(seed);
        var headings = clean.Blocks.Where(b => b.Kind == BlockKind.Heading).ToList();

        Assert.All(document.Passages, p =>
        {
            // Headings may only open a passage: none starts after the passage's first paragraph.
            int firstParagraph = clean.Blocks.First(b => b.Kind != BlockKind.Heading && b.Start >= p.Start).Start;
            Assert.DoesNotContain(headings, h => h.Start > firstParagraph && h.Start < p.End);
        });
    }

    [Theory]
    [InlineData("Förvaltningen avser att under 2018 undersöka behoven av kameraövervakning i stadsdelen")]
    [InlineData("mer aktivt arbeta med kameraövervakning av särskilt utsatta platser")]
    [InlineData("Förvaltningens erfarenhet är att SIG är ett verksamt arbetssätt för att ge stöd till personer som önskar lämna en kriminell livsstil")]
    [InlineData("SIG finns sedan 2012 och är en verksamhet som bygger på samverkan")]
    [InlineData("Staden har avsatt 200 miljoner kronor under perioden 2018 – 2019 i en trygghetsfond")]
    [InlineData("Panther-modellen är en polisiär metod och polisen kan")]
    [InlineData("Det ser man på att olika statliga myndigheter dragit sig tillbaka från södra Järva, med det nya polishuset som ett tydligt undantag")]
    [InlineData("Utlåtande Rotel VIII (Dnr KS 2019/1899)")]
    [InlineData("återinföra nolltolerans mot klotter och avsluta arbetet med lokala graffittiväggar")]
    [InlineData("Kriminella som vill lämna en kriminell livsstil erbjuds stöd")]
    public void Evidence_sentences_are_whole_in_one_passage(string evidence)
    {
        Assert.Single(Seeds.All.SelectMany(d => d.Passages), p => p.Text.Contains(evidence, StringComparison.Ordinal));
    }

    [Fact]
    public void List_items_join_their_lead_in()
    {
        Passage passage = Seeds.Get("000").PassageWith("De åtgärder som motionsförfattarna påkallar");

        Assert.Contains("\n\n- Att ge kommunstyrelsen, stadsdelsnämnderna och Stockholm Business Region AB", passage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_paragraph_is_split_at_sentence_boundaries()
    {
        string sentence = "Staden ska arbeta förebyggande med trygghet i alla stadsdelar och följa upp arbetet noga. ";
        string text = "Rubrik\n\n" + string.Concat(Enumerable.Repeat(sentence, 50)).Trim();
        Document document = new DocumentIngestor().Ingest("lang.txt", System.Text.Encoding.UTF8.GetBytes(text));

        Assert.True(document.Passages.Count >= 3);
        Assert.All(document.Passages, p =>
        {
            Assert.InRange(p.Text.Length, PassageBuilder.MinLength, PassageBuilder.MaxLength);
            Assert.EndsWith("noga.", p.Text, StringComparison.Ordinal);
            Assert.Equal("Rubrik", p.Section);
        });
    }

    [Fact]
    public void A_change_of_speaker_ends_the_passage()
    {
        Document document = Seeds.Get("002");

        Passage bromma = document.PassageWith("Bromma stadsdelsnämnd anser att det är viktigt med samverkan");

        Assert.DoesNotContain("Hägersten", bromma.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Socialnämnden framhåller", bromma.Text, StringComparison.Ordinal);
    }
}
