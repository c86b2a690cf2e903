using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace PaymentFunctions.App.Hosting;

/// <summary>
/// Says at start-up where the host keeps its state (the database without credentials) and, once the server is
/// listening, the addresses it bound: with <c>--urls http://127.0.0.1:0</c> the system picks a free port while
/// binding, so nobody races for it, and this line is how a caller learns which.
/// </summary>
internal sealed partial class StartupReport(AppDatabase database, IServiceProvider services, IHostApplicationLifetime lifetime, ILogger<StartupReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogStore(logger, database.HubName, database.ToString());

        // A host without an HTTP server (a worker) has no addresses to report.
        if (services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>() is { } server)
        {
            lifetime.ApplicationStarted.Register(() => LogListening(logger, string.Join(", ", server.Addresses)));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Task hub {HubName} on {Database}")]
    private static partial void LogStore(ILogger logger, string hubName, string database);

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening on {Addresses}")]
    private static partial void LogListening(ILogger logger, string addresses);
}
