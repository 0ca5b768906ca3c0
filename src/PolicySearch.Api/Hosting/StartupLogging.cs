using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace PolicySearch.Api.Hosting;

/// <summary>Prints where the page is, so the README's first command ends with a URL to open.</summary>
internal static partial class StartupLogging
{
    public static WebApplication LogListeningAddresses(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            if (addresses is { Count: > 0 })
                LogListening(app.Logger, string.Join(", ", addresses));
        });
        return app;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "PolicySearch listening on {Addresses}")]
    private static partial void LogListening(ILogger logger, string addresses);
}
