using PolicySearch.Ingestion.Readers;

namespace PolicySearch.Ingestion.Tests.Cleanup;

public class PageSegmenterTests
{
    private static PagedText Segment(string text, int? number = null) => PageSegmenter.Segment([new ExtractedPage(number, text)]);

    private static int? PageOf(PagedText paged, string text) => paged.Lines.First(l => l.Text.Contains(text, StringComparison.Ordinal)).Page;

    [Fact]
    public void A_page_number_header_in_the_middle_of_a_sentence_is_removed_and_numbers_the_page()
    {
        string text = string.Join('\n',
            "Staden prioriterar arbete som kan förhindra eller bryta en negativ ", "", "", "",
            "Tjänsteutlåtande", "Dnr HV 2020/786", "", "Sida 10 (14)", "",
            "Hässelby-Vällingby stadsdelsförvaltning", "Strategi-och internservice", "",
            "Hässelby torg 20-22", "Box 3424", "16564 Hässelby", "Växel 08-50804000", "Fax 08-508 04 099",
            "hasselby-vallingby@stockholm.se", "stockholm.se", "",
            "utveckling hos barn och unga. Socialtjänsten är en ");

        PagedText paged = Segment(text);

        Assert.DoesNotContain(paged.Lines, l => l.Text.Contains("Sida", StringComparison.Ordinal) || l.Text.Contains("Box", StringComparison.Ordinal)
            || l.Text.Contains("internservice", StringComparison.Ordinal) || l.Text.Contains("Tjänsteutlåtande", StringComparison.Ordinal));
        Assert.Contains("Dnr HV 2020/786", paged.Furniture);
        Assert.Contains("Hässelby-Vällingby stadsdelsförvaltning", paged.Furniture);
        Assert.Equal(9, PageOf(paged, "bryta en negativ"));
        Assert.Equal(10, PageOf(paged, "utveckling hos barn"));
    }

    [Fact]
    public void A_short_heading_after_a_header_block_is_kept()
    {
        string text = "Sida 2 (3)\nDnr KS 2021/1\n\nRiktade sociala insatser\nEtt särskilt ansvar för att riktade sociala insatser är behovsanpassade.";

        PagedText paged = Segment(text);

        Assert.Contains(paged.Lines, l => l.Text == "Riktade sociala insatser" && l.Page == 2);
    }

    [Fact]
    public void Pages_whose_form_feed_became_a_space_are_counted()
    {
        string text = " Första sidans text som fortsätter \n på andra sidan. Ny mening här.\n\n Att ge en punkt\n tredje sidan börjar.";

        PagedText paged = Segment(text);

        Assert.Equal(1, PageOf(paged, "Första sidans"));
        Assert.Equal(2, PageOf(paged, "på andra sidan"));
        Assert.Equal(2, PageOf(paged, "Att ge en punkt"));
        Assert.Equal(3, PageOf(paged, "tredje sidan"));
        // The page mark is taken away; the indent after a blank line is kept (it marks a lost bullet).
        Assert.Contains(paged.Lines, l => l.Text == "på andra sidan. Ny mening här.");
        Assert.Contains(paged.Lines, l => l.Text == " Att ge en punkt");
    }

    [Fact]
    public void Text_without_page_marks_has_unknown_pages()
    {
        PagedText paged = Segment("Rubrik\n\nEn vanlig text utan sidbrytningar.");

        Assert.All(paged.Lines, l => Assert.Null(l.Page));
    }

    [Fact]
    public void Form_feeds_separate_numbered_pages_and_repeated_edge_lines_are_removed()
    {
        var pages = Enumerable.Range(1, 4).Select(n =>
            $"Socialförvaltningen\nTjänsteutlåtande 2018-01-{n + 10:00}\nText på sida {n} som handlar om trygghet.\nSocialförvaltningen, Box 44, 123 45 Stockholm");
        PagedText paged = Segment(string.Join('\f', pages));

        Assert.Equal(3, PageOf(paged, "Text på sida 3"));
        Assert.DoesNotContain(paged.Lines, l => l.Text.StartsWith("Socialförvaltningen", StringComparison.Ordinal));
        Assert.DoesNotContain(paged.Lines, l => l.Text.StartsWith("Tjänsteutlåtande", StringComparison.Ordinal));
    }

    [Fact]
    public void Reader_page_numbers_are_kept()
    {
        PagedText paged = PageSegmenter.Segment([new ExtractedPage(4, "Fjärde sidan."), new ExtractedPage(5, "Femte sidan.")]);

        Assert.Equal(4, PageOf(paged, "Fjärde"));
        Assert.Equal(5, PageOf(paged, "Femte"));
    }
}
