namespace PolicySearch.Api.Hosting;

/// <summary>
/// Resolves configured relative paths. <c>dotnet run --project src/PolicySearch.Api</c> sets the content root to the
/// project folder, while <c>corpus/</c> and <c>data/</c> sit at the repository root, so relative paths resolve against
/// the nearest ancestor holding <c>PolicySearch.sln</c>, or against the content root when deployed without one.
/// </summary>
internal static class ContentPaths
{
    public static string Resolve(string path, string contentRoot)
    {
        if (Path.IsPathRooted(path))
            return path;
        return Path.GetFullPath(Path.Combine(FindRepositoryRoot(contentRoot) ?? contentRoot, path));
    }

    private static string? FindRepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PolicySearch.sln")))
                return directory.FullName;
        }
        return null;
    }
}
