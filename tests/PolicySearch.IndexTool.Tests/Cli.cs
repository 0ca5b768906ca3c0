using System.Diagnostics;

namespace PolicySearch.IndexTool.Tests;

/// <summary>Runs the real <c>policysearch</c> CLI (built beside the tests) in a child process.</summary>
internal static class Cli
{
    public static Process Start(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "policysearch.dll"));
        foreach (string arg in args) start.ArgumentList.Add(arg);
        start.Environment.Remove("POLICYSEARCH_INDEX");
        return Process.Start(start) ?? throw new InvalidOperationException("could not start the CLI");
    }

    /// <summary>Runs to the end; returns exit code and standard output.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string workingDirectory, params string[] args)
    {
        using var process = Start(workingDirectory, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    /// <summary>The repository root (holding PolicySearch.sln), found upwards from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PolicySearch.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("PolicySearch.sln not found above " + AppContext.BaseDirectory);
    }
}
