namespace PolicySearch.Analysis;

/// <summary>Reads the data files embedded in this assembly (<c>Data/*</c>): one entry a line, <c>#</c> starts a comment.</summary>
internal static class AnalysisResources
{
    public static IEnumerable<string> ReadLines(string name)
    {
        using Stream stream = typeof(AnalysisResources).Assembly.GetManifestResourceStream($"PolicySearch.Analysis.Data.{name}")
            ?? throw new InvalidOperationException($"Embedded resource Data/{name} is missing.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && line[0] != '#')
            {
                yield return line;
            }
        }
    }
}
