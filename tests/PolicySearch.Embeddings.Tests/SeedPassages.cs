using System.Text.RegularExpressions;

namespace PolicySearch.Embeddings.Tests;

/// <summary>Paragraphs of the repository's seed corpus (<c>corpus/</c>), the text the local model is trained on.</summary>
internal static partial class SeedPassages
{
    private static readonly Lazy<IReadOnlyList<string>> All = new(Load);

    public static IReadOnlyList<string> Texts => All.Value;

    private static IReadOnlyList<string> Load()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PolicySearch.sln")))
            directory = directory.Parent;
        string corpus = Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Repository root not found."), "corpus");
        return Directory.EnumerateFiles(corpus, "*.txt", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .SelectMany(path => Paragraph().Split(File.ReadAllText(path)))
            .Select(text => Whitespace().Replace(text, " ").Trim())
            .SelectMany(Chunks)
            .Where(text => text.Length >= 80)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    // Long paragraphs are cut at word boundaries into passage-sized pieces, as the ingestion does.
    private static IEnumerable<string> Chunks(string paragraph)
    {
        const int Target = 600;
        int start = 0;
        while (paragraph.Length - start > Target * 3 / 2)
        {
            int cut = paragraph.IndexOf(' ', start + Target);
            if (cut < 0)
                break;
            yield return paragraph[start..cut];
            start = cut + 1;
        }
        yield return paragraph[start..];
    }

    [GeneratedRegex(@"\n\s*\n\s*\n")]
    private static partial Regex Paragraph();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
