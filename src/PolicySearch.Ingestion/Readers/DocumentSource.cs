namespace PolicySearch.Ingestion.Readers;

/// <summary>
/// A file found for indexing, or a path that could not be used and why (<see cref="Error"/>, one line naming the path).
/// </summary>
public sealed record SourceFile(string Path, string? Error = null)
{
    /// <summary>Whether this entry reports a problem instead of a file to read.</summary>
    public bool IsError => Error is not null;
}

/// <summary>
/// Finds the documents to index under files and folders: folders are walked recursively in ordinal name order
/// (symbolic links after real entries)
/// for the extensions <see cref="DocumentReader"/> understands; hidden entries (name starting with '.') are skipped.
/// Symbolic links are followed, but every folder and file is visited once by its real path, so a link back to
/// an ancestor (a loop) is reported and skipped rather than walked forever. Problems (a folder that cannot be
/// listed, a broken link, a missing path) are yielded as <see cref="SourceFile.Error"/> entries and the walk goes on.
/// Files are not opened here: unreadable files are reported by <see cref="DocumentReader"/> when they are read.
/// </summary>
public static class DocumentSource
{
    // Linux gives up after 40 links in one path; so does the real-path resolution here.
    private const int MaxLinkDepth = 40;

    /// <summary>Enumerates the documents under <paramref name="paths"/> (files or folders).</summary>
    public static IEnumerable<SourceFile> Enumerate(IEnumerable<string> paths, CancellationToken cancellationToken = default)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        foreach (string path in paths)
        {
            foreach (SourceFile file in EnumerateRoot(path, visited, cancellationToken))
                yield return file;
        }
    }

    private static IEnumerable<SourceFile> EnumerateRoot(string path, HashSet<string> visited, CancellationToken cancellationToken)
    {
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            if (TryRealPath(full, out string real, out SourceFile? error))
            {
                foreach (SourceFile file in Walk(full, real, visited, cancellationToken))
                    yield return file;
            }
            else
            {
                yield return error;
            }
        }
        else if (File.Exists(full))
        {
            if (!DocumentReader.IsSupported(full))
                yield return new SourceFile(path, ReaderMessages.Unsupported(path).Message);
            else if (!TryRealPath(full, out string real, out SourceFile? error))
                yield return error;
            else if (visited.Add(real))
                yield return new SourceFile(full);
        }
        else
        {
            yield return new SourceFile(path, new FileInfo(full).LinkTarget is null
                ? $"{path}: filen eller mappen finns inte."
                : $"{path}: trasig symbolisk länk.");
        }
    }

    private static IEnumerable<SourceFile> Walk(string root, string realRoot, HashSet<string> visited, CancellationToken cancellationToken)
    {
        if (!visited.Add(realRoot))
            yield break;
        var folders = new Stack<(string Path, string RealPath)>();
        folders.Push((root, realRoot));
        while (folders.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            (string folder, string realFolder) = folders.Pop();
            if (!TryList(folder, out FileSystemInfo[] entries, out SourceFile? listError))
            {
                yield return listError;
                continue;
            }
            var subfolders = new List<(string, string)>();
            foreach (FileSystemInfo entry in entries)
            {
                if (entry.Name.StartsWith('.'))
                    continue;
                string real = Path.Combine(realFolder, entry.Name);
                bool isFolder = entry is DirectoryInfo;
                if (entry.LinkTarget is not null)
                {
                    if (!TryRealPath(entry.FullName, out real, out SourceFile? linkError))
                    {
                        yield return linkError;
                        continue;
                    }
                    isFolder = Directory.Exists(real);
                    if (isFolder && IsSameOrAncestor(real, realFolder))
                    {
                        yield return new SourceFile(entry.FullName, $"{entry.FullName}: symbolisk länk i en slinga (leder tillbaka till {real}); hoppas över.");
                        continue;
                    }
                }
                if (isFolder)
                {
                    if (visited.Add(real))
                        subfolders.Add((entry.FullName, real));
                }
                else if (DocumentReader.IsSupported(entry.Name) && visited.Add(real))
                {
                    yield return new SourceFile(entry.FullName);
                }
            }
            // Pushed in reverse so that folders are walked in name order.
            for (int i = subfolders.Count - 1; i >= 0; i--)
                folders.Push(subfolders[i]);
        }
    }

    private static bool TryList(string folder, out FileSystemInfo[] entries, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out SourceFile? error)
    {
        try
        {
            entries = new DirectoryInfo(folder).GetFileSystemInfos();
            // Real entries before links, so a file reachable both ways is reported under its own name.
            entries = [.. entries.OrderBy(entry => entry.LinkTarget is not null).ThenBy(entry => entry.Name, StringComparer.Ordinal)];
            error = null;
            return true;
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            entries = [];
            error = new SourceFile(folder, ex is UnauthorizedAccessException
                ? $"{folder}: åtkomst nekad; mappen hoppas över."
                : $"{folder}: mappen kan inte listas ({ex.Message}); den hoppas över.");
            return false;
        }
    }

    private static bool IsSameOrAncestor(string candidate, string path) =>
        string.Equals(candidate, path, StringComparison.Ordinal)
        || path.StartsWith(Path.TrimEndingDirectorySeparator(candidate) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The path with every symbolic link in it resolved, or an error entry for a broken or looping link.</summary>
    private static bool TryRealPath(string path, out string real, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out SourceFile? error)
    {
        try
        {
            real = RealPath(path, depth: 0);
            error = Directory.Exists(real) || File.Exists(real) ? null : new SourceFile(path, $"{path}: trasig symbolisk länk (till {real}).");
        }
        catch (IOException)
        {
            // The OS reports a loop as too many levels of symbolic links.
            real = path;
            error = new SourceFile(path, $"{path}: symbolisk länk i en slinga (för många länknivåer); hoppas över.");
        }
        catch (UnauthorizedAccessException)
        {
            real = path;
            error = new SourceFile(path, $"{path}: åtkomst nekad.");
        }
        return error is null;
    }

    private static string RealPath(string path, int depth)
    {
        if (depth > MaxLinkDepth)
            throw new IOException("too many levels of symbolic links");
        string full = Path.GetFullPath(path);
        string root = Path.GetPathRoot(full) ?? "/";
        string current = root;
        foreach (string part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            string next = Path.Combine(current, part);
            var info = new FileInfo(next);
            if (info.LinkTarget is null)
            {
                current = next;
                continue;
            }
            FileSystemInfo? target = info.ResolveLinkTarget(returnFinalTarget: true);
            current = target is null ? next : RealPath(target.FullName, depth + 1);
        }
        return current;
    }
}
