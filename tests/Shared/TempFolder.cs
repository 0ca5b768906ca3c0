namespace PolicySearch.Tests;

/// <summary>A fresh folder under the system temp folder, deleted with everything in it on dispose (shared by every test project).</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "policysearch-tests-" + Guid.NewGuid().ToString("N"));

    public string File(string relativePath, byte[] content)
    {
        string path = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllBytes(path, content);
        return path;
    }

    public string File(string relativePath, string utf8Text) => File(relativePath, System.Text.Encoding.UTF8.GetBytes(utf8Text));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open, or a folder a test made unreadable: what is left is the OS temp cleaner's job.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
