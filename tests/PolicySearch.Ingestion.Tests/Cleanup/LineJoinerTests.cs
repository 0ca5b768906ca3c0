namespace PolicySearch.Ingestion.Tests.Cleanup;

public class LineJoinerTests
{
    [Theory]
    [InlineData("finns även inskrivet i samverkans-", "överenskommelsen mellan polisen", "finns även inskrivet i samverkansöverenskommelsen mellan polisen")]
    [InlineData("remitterats till Hägersten-", "Älvsjö stadsdelsnämnd", "remitterats till Hägersten-Älvsjö stadsdelsnämnd")]
    [InlineData("stärka stadens samlade trygghets-", "och säkerhetsarbete", "stärka stadens samlade trygghets- och säkerhetsarbete")]
    [InlineData("perioden 2018-", "2021 kommer", "perioden 2018-2021 kommer")]
    [InlineData("Trygghetsprogram 2020 –", "2023 beskriver", "Trygghetsprogram 2020 – 2023 beskriver")]
    [InlineData("som bor och vistas i Stockholm kan känna sig trygga i sin vardag", "och leva ett liv", "som bor och vistas i Stockholm kan känna sig trygga i sin vardag och leva ett liv")]
    public void Joins_a_broken_line_keeping_real_hyphens(string before, string next, string expected)
    {
        Assert.Equal(expected, LineJoiner.Join(before, next, hyphenKeepsSpace: false));
    }

    [Fact]
    public void A_hyphen_followed_by_a_space_in_the_source_is_a_suspended_compound()
    {
        Assert.Equal("mödra- barnhälsovården", LineJoiner.Join("mödra-", "barnhälsovården", hyphenKeepsSpace: true));
    }

    [Fact]
    public void Empty_sides_join_to_the_other_side()
    {
        Assert.Equal("text", LineJoiner.Join("", " text ", hyphenKeepsSpace: false));
        Assert.Equal("text", LineJoiner.Join("text ", "  ", hyphenKeepsSpace: false));
    }
}
