namespace PolicySearch.Ingestion.Tests.Structure;

public class SentenceSplitterTests
{
    [Fact]
    public void Splits_at_sentence_ends_but_not_after_abbreviations()
    {
        string text = "Ordföranden Åsa Lindhagen m.fl. (MP) lämnar ett uttalande. Det gäller bl.a. Stockholm. Vad gäller t.ex. SIG? Ja!";

        Assert.Equal(
            ["Ordföranden Åsa Lindhagen m.fl. (MP) lämnar ett uttalande.", "Det gäller bl.a. Stockholm.", "Vad gäller t.ex. SIG?", "Ja!"],
            SentenceSplitter.Split(text));
    }

    [Fact]
    public void Text_without_an_end_is_one_sentence()
    {
        Assert.Equal(["utan punkt"], SentenceSplitter.Split("utan punkt"));
    }
}
