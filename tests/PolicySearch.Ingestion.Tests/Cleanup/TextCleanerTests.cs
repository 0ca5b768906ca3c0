using PolicySearch.Ingestion.Readers;

namespace PolicySearch.Ingestion.Tests.Cleanup;

public class TextCleanerTests
{
    private static CleanDocument Clean(string text) => TextCleaner.Clean([new ExtractedPage(null, text)]);

    private static List<(BlockKind Kind, string Text)> Blocks(string text) => [.. Clean(text).Blocks.Select(b => (b.Kind, b.Text))];

    [Fact]
    public void Double_spaced_layout_with_space_lines_as_paragraph_breaks_becomes_paragraphs()
    {
        string text = string.Join('\n',
            "Sammanfattning ", "", "Kommunstyrelsen behandlar en motion från Anna König Jerlmyr, ", "",
            "Joakim Larsson och Johanna Sjö (samtliga M) gällande åtgärder för ett ", "", "säkrare och tryggare Stockholm för alla.  ", "",
            " ", "", "Förvaltningen ställer sig positiv till flera av motionsförfattarnas ", "", "förslag. ", "");

        var blocks = Blocks(text);

        Assert.Equal(
            [
                (BlockKind.Heading, "Sammanfattning"),
                (BlockKind.Paragraph, "Kommunstyrelsen behandlar en motion från Anna König Jerlmyr, Joakim Larsson och Johanna Sjö (samtliga M) gällande åtgärder för ett säkrare och tryggare Stockholm för alla."),
                (BlockKind.Paragraph, "Förvaltningen ställer sig positiv till flera av motionsförfattarnas förslag."),
            ],
            blocks);
    }

    [Fact]
    public void Bullets_become_list_items_with_sub_bullets_nested()
    {
        string text = string.Join('\n',
            "Begreppsram",
            "\uF0B7 Samtliga nämnder ska utifrån sina ansvarsområden utforma, ", "vidta och följa upp åtgärder.", "",
            "•Demokrati och trygghet",
            "o Situationell prevention syftar till att förhindra brott.",
            "- Brott är en handling som är belagd med straff.");

        var items = Clean(text).Blocks.Where(b => b.Kind == BlockKind.ListItem).ToList();

        Assert.Equal(
            ["Samtliga nämnder ska utifrån sina ansvarsområden utforma, vidta och följa upp åtgärder.", "Demokrati och trygghet",
             "Situationell prevention syftar till att förhindra brott.", "Brott är en handling som är belagd med straff."],
            items.Select(b => b.Text));
        Assert.Equal([1, 1, 2, 1], items.Select(b => b.Level));
        Assert.Contains("\n\n- Demokrati och trygghet", Clean(text).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_headings_and_emphasis_are_structure_not_text()
    {
        string text = "## **Socialnämnden**\n\n*Bromma stadsdelsnämnd* anser att det är viktigt.\n\n**Föredragande borgarrådet Jan Jönsson** anför följande.";

        CleanDocument clean = Clean(text);

        Assert.Equal("Socialnämnden\n\nBromma stadsdelsnämnd anser att det är viktigt.\n\nFöredragande borgarrådet Jan Jönsson anför följande.", clean.Text);
        Assert.Equal((BlockKind.Heading, 2), (clean.Blocks[0].Kind, clean.Blocks[0].Level));
        Assert.Equal(["Bromma stadsdelsnämnd", "Föredragande borgarrådet Jan Jönsson"], clean.Blocks.Skip(1).Select(b => b.LeadIn));
    }

    [Fact]
    public void A_sentence_broken_by_a_blank_line_is_joined()
    {
        var blocks = Blocks("Som stadsledningskontoret konstaterar så förekommer redan idag en lokal\n\nbrottsförebyggande samverkan mellan staden och Polisen.");

        Assert.Equal([(BlockKind.Paragraph, "Som stadsledningskontoret konstaterar så förekommer redan idag en lokal brottsförebyggande samverkan mellan staden och Polisen.")], blocks);
    }

    [Fact]
    public void Names_above_roles_are_a_signature_not_a_heading()
    {
        var blocks = Blocks("Socialnämnden hänvisar till detta tjänsteutlåtande.\n\nGillis Hammar  Veronica Wolgast Karlberg\nFörvaltningschef  Avdelningschef\n\nSammanfattning\nText.");

        Assert.Equal(BlockKind.Signature, blocks[1].Kind);
        Assert.Equal(BlockKind.Signature, blocks[2].Kind);
        Assert.Equal((BlockKind.Heading, "Sammanfattning"), blocks[3]);
    }

    [Fact]
    public void Block_offsets_index_the_clean_text()
    {
        CleanDocument clean = Clean("Rubrik\n\nFörsta stycket.\n\n\uF0B7 En punkt");

        Assert.All(clean.Blocks, b => Assert.EndsWith(b.Text, clean.Text[b.Start..b.End], StringComparison.Ordinal));
    }
}
