namespace PolicySearch.Analysis.Tests;

public sealed class SwedishStemmerTests
{
    [Fact]
    public void Vocabulary_matches_libstemmer_on_every_line()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "TestData", "snowball-swedish.tsv");
        var mismatches = new List<string>();
        int lines = 0;
        foreach (string line in File.ReadLines(path))
        {
            lines++;
            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            string word = line[..tab], expected = line[(tab + 1)..];
            string actual = Stem(word);
            if (!string.Equals(actual, expected, StringComparison.Ordinal))
            {
                mismatches.Add($"{word}: expected {expected}, got {actual}");
            }
        }
        Assert.Equal(62_103, lines);
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} mismatches:\n{string.Join('\n', mismatches)}");
    }

    [Theory]
    [InlineData("kameraövervakning", "kameraövervakning")]
    [InlineData("kameror", "kamer")]
    [InlineData("kamera", "kamer")]
    [InlineData("nämnden", "nämnd")]
    [InlineData("trygghet", "trygg")]
    [InlineData("ö", "ö")]
    public void Stems_known_words(string word, string stem) => Assert.Equal(stem, Stem(word));

    [Fact]
    public void Empty_word_stays_empty() => Assert.Equal(0, SwedishStemmer.Stem([]));

    internal static string Stem(string word)
    {
        char[] buffer = word.ToCharArray();
        return new string(buffer, 0, SwedishStemmer.Stem(buffer));
    }
}
