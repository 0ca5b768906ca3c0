namespace PolicySearch.Ingestion.Tests.Readers;

/// <summary>A fresh folder under the system temp folder, deleted with everything in it on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "policysearch-readers-" + Guid.NewGuid().ToString("N"));

    public string File(string relativePath, byte[] content)
    {
        string path = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllBytes(path, content);
        return path;
    }

    public string File(string relativePath, string utf8Text) => File(relativePath, System.Text.Encoding.UTF8.GetBytes(utf8Text));

    /// <summary>Writes an executable shell script.</summary>
    public string Script(string relativePath, string body)
    {
        string path = File(relativePath, "#!/bin/sh\n" + body + "\n");
        Permissions.Set(path, Permissions.Owner);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A test that made a folder unreadable restores it; anything left is the OS temp cleaner's job.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
