using Microsoft.EntityFrameworkCore;
using PaymentFunctions.Payments.Persistence;

namespace PaymentFunctions.App.Payments;

/// <summary>
/// Creates or upgrades the payments schema when the host starts. Registered ahead of every other hosted service,
/// so the durable worker and the timers never touch payment tables that do not exist yet.
/// </summary>
internal sealed partial class PaymentsStartup(IDbContextFactory<PaymentsDbContext> contexts, ILogger<PaymentsStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await PaymentsDatabase.MigrateAsync(contexts, cancellationToken);
        LogMigrated(logger);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Payments schema is up to date")]
    private static partial void LogMigrated(ILogger logger);
}
