namespace PolicySearch.Ingestion.Tests.Metadata;

public sealed class SwedishDatesTests
{
    [Fact]
    public void Written_and_iso_dates_are_found_where_they_start()
    {
        var dates = SwedishDates.Find("Beslutat den 2 oktober 2017, justerat 2018-01-23.").ToList();

        Assert.Equal([(new DateOnly(2017, 10, 2), 13), (new DateOnly(2018, 1, 23), 38)], dates);
    }

    [Theory]
    [InlineData("0 januari 2019")]
    [InlineData("31 februari 2019")]
    [InlineData("2019-13-01")]
    public void Impossible_dates_are_skipped_not_thrown(string text) =>
        Assert.Empty(SwedishDates.Find(text));
}
