namespace PolicySearch.Ingestion.Tests.Cleanup;

/// <summary>The clean-up pinned on the real quirks of the five seed documents.</summary>
public class SeedCleanupTests
{
    [Theory]
    [MemberData(nameof(Seeds.Numbers), MemberType = typeof(Seeds))]
    public void Clean_text_has_whole_paragraphs_without_layout_markup_or_bullets(string seed)
    {
        string text = Seeds.Get(seed).CleanText;

        // Blocks are separated by exactly one blank line; no line breaks inside a paragraph.
        Assert.DoesNotContain("\n\n\n", text, StringComparison.Ordinal);
        Assert.All(text.Split("\n\n"), block => Assert.DoesNotContain('\n', block));
        Assert.DoesNotContain('\uF0B7', text);
        Assert.DoesNotContain('•', text);
        Assert.DoesNotContain('*', text);
        Assert.DoesNotContain("#", text, StringComparison.Ordinal);
        Assert.DoesNotContain("  ", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("000", "grannsamverkan finns även inskrivet i samverkansöverenskommelsen mellan polisen och stadsdelsförvaltningen")]
    [InlineData("001", "stärka stadens samlade trygghets- och säkerhetsarbete")]
    [InlineData("002", "Hägersten-Älvsjö stadsdelsnämnd godkänner")]
    [InlineData("002", "i det brottsbekämpande- och brottsförebyggande arbetet")]
    [InlineData("003", "Förvaltningen anser dock att i ett trygghetsprogram")]
    [InlineData("004", "Remissinstanser utanför staden är Brottsförebyggande rådet")]
    public void Broken_lines_hyphens_and_page_breaks_are_rejoined(string seed, string sentence)
    {
        Assert.Contains(sentence, Seeds.Get(seed).CleanText, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_header_in_the_middle_of_a_sentence_is_gone_and_the_page_known()
    {
        Document document = Seeds.Get("003");

        Passage passage = document.PassageWith("Staden prioriterar förebyggande arbete som kan förhindra eller bryta en negativ utveckling hos barn och unga.");

        Assert.DoesNotContain("Sida 10", document.CleanText, StringComparison.Ordinal);
        Assert.DoesNotContain("hasselby-vallingby@stockholm.se", document.CleanText, StringComparison.Ordinal);
        Assert.DoesNotContain("Box 3424", document.CleanText, StringComparison.Ordinal);
        Assert.Equal(9, passage.Page);
        Assert.Equal(10, document.PassageWith("Socialtjänsten ska även verka för att den och dennes närstående").Page);
        Assert.Equal(14, document.Passages[^1].Page);
    }

    [Theory]
    [InlineData("000", "Förvaltningen avser att under 2018 undersöka behoven av kameraövervakning i stadsdelen", 4)]
    [InlineData("001", "Vi instämmer i att det arbetet är oerhört viktigt", 1)]
    [InlineData("004", "Staden har avsatt 200 miljoner kronor under perioden 2018 – 2019 i en trygghetsfond", 3)]
    public void Pages_are_counted_from_the_page_marks_of_the_extracted_text(string seed, string evidence, int page)
    {
        Assert.Equal(page, Seeds.Get(seed).PassageWith(evidence).Page);
    }

    [Fact]
    public void Markdown_has_no_pages()
    {
        Assert.All(Seeds.Get("002").Passages, p => Assert.Null(p.Page));
    }

    [Fact]
    public void Motion_demands_with_lost_bullets_are_list_items()
    {
        string text = Seeds.Get("000").CleanText;

        Assert.Equal(11, text.Split("\n\n").Count(b => b.StartsWith("- Att ge ", StringComparison.Ordinal)));
        Assert.Contains("- Att ge kommunstyrelsen, stadsdelsnämnderna och Stockholm Business Region AB i uppdrag att inrätta en trygghetsjour", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_text_headings_are_recognised_as_section_headings()
    {
        var sections = Seeds.Get("003").Passages.Select(p => p.Section).Distinct().ToList();

        Assert.Contains("Hur staden arbetar brottsförebyggande och trygghetsskapande", sections);
        Assert.Contains("Stadens trygghetsskapande och brottsförebyggande arbete", sections);
        Assert.Contains("Synpunkter och förslag", sections);
    }
}
