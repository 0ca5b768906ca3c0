namespace PolicySearch.Api.Tests.Web;

/// <summary>A fact that needs Debian's chromium; skipped with the reason when <c>scripts/install-deps.sh</c> could not install it.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ExecutablePath))
            Skip = $"{ExecutablePath} is not installed; scripts/install-deps.sh installs it (needs root or sudo).";
    }
}
