namespace PolicySearch.Ingestion.Tests;

/// <summary>The five seed documents of the repository's corpus/, ingested once per test run.</summary>
public static class Seeds
{
    /// <summary>The seeds' numbers, for theories over every seed.</summary>
    public static TheoryData<string> Numbers => new() { "000", "001", "002", "003", "004" };

    private static readonly Lazy<IReadOnlyDictionary<string, Document>> s_documents = new(() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "corpus"), "*.txt")
            .ToDictionary(f => Path.GetFileName(f)[..3], f => new DocumentIngestor().Ingest(f, File.ReadAllBytes(f))));

    /// <summary>The seed whose file name starts with <paramref name="number"/> ("000" … "004").</summary>
    internal static Document Get(string number) => s_documents.Value[number];

    internal static IEnumerable<Document> All => s_documents.Value.Values;

    internal static string PathOf(string number) =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "corpus"), number + "_*.txt").Single();

    /// <summary>The passage holding <paramref name="text"/>; fails when none does.</summary>
    internal static Passage PassageWith(this Document document, string text) =>
        document.Passages.FirstOrDefault(p => p.Text.Contains(text, StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"No passage of {Path.GetFileName(document.SourcePath)} holds \"{text}\".");
}
