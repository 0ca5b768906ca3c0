using System.IO.Compression;
using System.Text;

namespace PolicySearch.Search.Tests.Hardening;

/// <summary>Bad files beside good ones through <see cref="PolicySearchIndex.IndexAsync"/>: one clear error each, every good file indexed, nothing lost.</summary>
public sealed class BadFilesTests
{
    /// <summary>The default <c>Readers:MaxFileBytes</c> (100 MB).</summary>
    private const long MaxFileBytes = 100L * 1024 * 1024;

    [Fact]
    public async Task Every_bad_file_gets_its_own_clear_error_and_every_good_file_is_indexed()
    {
        await using var seed = await SeedIndex.IndexedAsync();
        var before = await seed.Index.GetStatsAsync();
        string bad = Path.Combine(seed.CorpusFolder, "bad");
        Directory.CreateDirectory(bad);
        string first = Directory.GetFiles(seed.CorpusFolder).Order(StringComparer.Ordinal).First();
        string good = Path.Combine(seed.CorpusFolder, "ny", "kopia.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(good)!);
        File.Copy(first, good);

        byte[] garbage = new byte[20_000];
        new Random(7).NextBytes(garbage);
        var expected = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Write(bad, "tom.txt", [])] = "filen är tom (0 byte)",
            [Write(bad, "skräp.txt", garbage)] = "binärt innehåll",
            [Write(bad, "trasig-utf8.txt", [.. Encoding.UTF8.GetBytes("Nämnden beslutar "), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(" om budget.")])] = "ogiltig UTF-8",
            [Write(bad, "inte-zip.docx", Encoding.UTF8.GetBytes("Det här är ingen docx."))] = "inte ett zip-arkiv",
            [Write(bad, "zip-bomb.docx", ZipBomb())] = "zip-bomb",
        };
        // A file over the limit is refused from its size before it is read, so the configured limit plus one byte
        // exercises the same path as a 200 MB file without writing one (see README, Limits).
        string oneLine = Path.Combine(bad, "en-rad.txt");
        using (var stream = File.Create(oneLine))
        {
            byte[] block = new byte[1024 * 1024];
            Array.Fill(block, (byte)'x');
            for (long written = 0; written < MaxFileBytes; written += block.Length) stream.Write(block);
            stream.WriteByte((byte)'x');
        }
        expected[oneLine] = "större än gränsen 100 MB";
        string loop = Path.Combine(bad, "slinga");
        Directory.CreateSymbolicLink(loop, seed.CorpusFolder);
        expected[loop] = "symbolisk länk i en slinga";
        string locked = Write(bad, "låst.txt", Encoding.UTF8.GetBytes("Hemlig text om budgeten."));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(locked, UnixFileMode.None);
        bool lockedReadable = CanRead(locked); // root reads anything; then the file is a good one
        if (!lockedReadable) expected[locked] = "åtkomst nekad";

        var report = await seed.Index.IndexAsync();

        var errors = report.Errors.ToDictionary(e => e.Path, e => e.Message, StringComparer.Ordinal);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), errors.Keys.Order(StringComparer.Ordinal));
        foreach ((string path, string message) in errors)
        {
            Assert.Contains(Path.GetFileName(path), message, StringComparison.Ordinal);
            Assert.Contains(expected[path], message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', message);
        }
        int newGood = lockedReadable ? 2 : 1;
        Assert.Equal(newGood, report.FilesIndexed);
        Assert.Equal(before.Documents, report.FilesUnchanged);
        var after = await seed.Index.GetStatsAsync();
        Assert.Equal(before.Documents + newGood, after.Documents);
        Assert.True(after.Passages > before.Passages);
        var copied = await seed.Index.SearchAsync(new SearchRequest { Query = "kameraövervakning", Mode = SearchMode.Keyword, Top = 100 });
        Assert.Contains(copied.Hits, hit => hit.Citation.Contains("kopia", StringComparison.Ordinal) || hit.DocumentTitle.Length > 0);
    }

    private static string Write(string folder, string name, byte[] content)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static bool CanRead(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>A .docx whose document part unpacks from about 32 KB to 32 MB.</summary>
    private static byte[] ZipBomb()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        using (var part = archive.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open())
            part.Write(new byte[32 * 1024 * 1024]);
        return zip.ToArray();
    }
}
