namespace PaymentFunctions.App.Hosting;

/// <summary>Says at start-up where the host keeps its state; the database is shown without credentials.</summary>
internal sealed partial class StartupReport(AppDatabase database, ILogger<StartupReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogStore(logger, database.HubName, database.ToString());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Task hub {HubName} on {Database}")]
    private static partial void LogStore(ILogger logger, string hubName, string database);
}
