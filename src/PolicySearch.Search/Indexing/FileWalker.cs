namespace PolicySearch.Search.Indexing;

/// <summary>Expands the paths given to <c>index</c> into files, without following links (no loops).</summary>
internal static class FileWalker
{
    public static List<string> Find(IReadOnlyList<string> paths, IReadOnlyList<string> extensions, List<IndexError> errors)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        var walk = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Hidden,
        };
        foreach (string path in paths)
        {
            string full = Path.GetFullPath(path);
            if (File.Exists(full))
                files.Add(full);
            else if (Directory.Exists(full))
                files.UnionWith(Directory.EnumerateFiles(full, "*", walk).Where(f => HasExtension(f, extensions)));
            else
                errors.Add(new IndexError(path, "No such file or folder."));
        }
        return [.. files];
    }

    private static bool HasExtension(string file, IReadOnlyList<string> extensions)
    {
        string extension = Path.GetExtension(file);
        foreach (string e in extensions)
            if (string.Equals(e, extension, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
