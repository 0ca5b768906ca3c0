using PolicySearch.Analysis;

namespace PolicySearch.Analysis.Tests;

public sealed class SwedishAnalyzerSmokeTests
{
    [Fact]
    public void Analyze_keeps_offsets_into_original_text()
    {
        var tokens = new SwedishAnalyzer().Analyze("Kameror i Skärholmen");
        Assert.Contains(tokens, t => t.Start == 10 && t.End == 20);
    }
}
