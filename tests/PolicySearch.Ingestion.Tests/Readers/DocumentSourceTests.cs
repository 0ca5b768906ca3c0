using PolicySearch.Ingestion.Readers;

namespace PolicySearch.Ingestion.Tests.Readers;

public sealed class DocumentSourceTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string At(string relativePath) => Path.Combine(_folder.Path, relativePath);

    [Fact]
    public void Folders_are_walked_recursively_in_name_order_for_supported_files()
    {
        _folder.File("b.txt", "b");
        _folder.File("a/z.docx", "z");
        _folder.File("a/sub/y.PDF", "y");
        _folder.File("a/notes.rtf", "ignored in folders");
        _folder.File("a/x.meta.json", "{}");
        _folder.File(".git/config.txt", "hidden");
        _folder.File("c.html", "c");

        SourceFile[] found = [.. DocumentSource.Enumerate([_folder.Path])];

        Assert.Equal([At("b.txt"), At("c.html"), At("a/z.docx"), At("a/sub/y.PDF")], found.Select(file => file.Path));
        Assert.All(found, file => Assert.False(file.IsError));
    }

    [Fact]
    public void Explicit_paths_that_cannot_be_indexed_are_reported_and_the_rest_go_on()
    {
        string good = _folder.File("good.md", "text");
        string unsupported = _folder.File("image.png", "png");
        string missing = At("missing.txt");

        SourceFile[] found = [.. DocumentSource.Enumerate([unsupported, missing, good])];

        Assert.Equal(3, found.Length);
        Assert.StartsWith($"{unsupported}: filtypen '.png' stöds inte", found[0].Error, StringComparison.Ordinal);
        Assert.Equal($"{missing}: filen eller mappen finns inte.", found[1].Error);
        Assert.Equal(new SourceFile(good), found[2]);
    }

    [Fact]
    public void Symbolic_link_loops_and_broken_links_are_reported_and_every_file_is_found_once()
    {
        string inner = _folder.File("docs/sub/inner.txt", "inner");
        string top = _folder.File("docs/top.txt", "top");
        Directory.CreateSymbolicLink(At("docs/sub/up"), At("docs"));
        Directory.CreateSymbolicLink(At("docs/sub/self"), At("docs/sub/self"));
        File.CreateSymbolicLink(At("docs/broken.txt"), At("nowhere.txt"));
        File.CreateSymbolicLink(At("docs/again.txt"), top);

        SourceFile[] found = [.. DocumentSource.Enumerate([At("docs")])];

        Assert.Equal([top, inner], found.Where(file => !file.IsError).Select(file => file.Path));
        string[] errors = [.. found.Where(file => file.IsError).Select(file => file.Error!)];
        Assert.Equal(3, errors.Length);
        Assert.Contains(errors, error => error.StartsWith($"{At("docs/broken.txt")}: trasig symbolisk länk", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.StartsWith($"{At("docs/sub/self")}: symbolisk länk i en slinga", StringComparison.Ordinal));
        Assert.Contains($"{At("docs/sub/up")}: symbolisk länk i en slinga (leder tillbaka till {At("docs")}); hoppas över.", errors);
    }

    [Fact]
    public void A_linked_folder_elsewhere_is_followed()
    {
        string outside = _folder.File("elsewhere/motion.txt", "motion");
        Directory.CreateDirectory(At("corpus"));
        Directory.CreateSymbolicLink(At("corpus/linked"), At("elsewhere"));

        SourceFile found = Assert.Single(DocumentSource.Enumerate([At("corpus")]));

        Assert.Equal(At("corpus/linked/motion.txt"), found.Path);
        Assert.Equal("motion", File.ReadAllText(found.Path));
        Assert.True(File.Exists(outside));
    }

    [Fact]
    public void An_unreadable_folder_is_reported_unless_the_process_may_read_anyway()
    {
        string hidden = _folder.File("locked/inside.txt", "inside");
        string visible = _folder.File("open/outside.txt", "outside");
        string locked = At("locked");
        Permissions.Set(locked, UnixFileMode.None);
        try
        {
            SourceFile[] found = [.. DocumentSource.Enumerate([_folder.Path])];

            if (Permissions.AreEnforced(locked))
                Assert.Equal([new SourceFile(locked, $"{locked}: åtkomst nekad; mappen hoppas över."), new SourceFile(visible)], found);
            else
                Assert.Equal([new SourceFile(hidden), new SourceFile(visible)], found);
        }
        finally
        {
            Permissions.Set(locked, Permissions.Owner);
        }
    }

    [Fact]
    public void Cancellation_stops_the_walk()
    {
        _folder.File("a/one.txt", "1");
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.Throws<OperationCanceledException>(() => DocumentSource.Enumerate([_folder.Path], cancellation.Token).ToList());
    }
}

/// <summary>Whether file modes stop this process (they do not for root, which many CI containers run as).</summary>
internal static class Permissions
{
    public const UnixFileMode Owner = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static void Set(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, mode);
    }

    public static bool AreEnforced(string lockedPath)
    {
        try
        {
            if (Directory.Exists(lockedPath))
                _ = Directory.GetFileSystemEntries(lockedPath);
            else
                File.OpenRead(lockedPath).Dispose();
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return true;
        }
    }
}
