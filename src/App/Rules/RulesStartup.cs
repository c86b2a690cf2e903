using Microsoft.EntityFrameworkCore;
using PaymentFunctions.Rules.Persistence;

namespace PaymentFunctions.App.Rules;

/// <summary>Creates or upgrades the rules schema before the durable worker runs any rule orchestration.</summary>
internal sealed partial class RulesStartup(IDbContextFactory<RulesDbContext> contexts, ILogger<RulesStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await RulesDatabase.MigrateAsync(contexts, cancellationToken);
        LogMigrated(logger);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Rules schema is up to date")]
    private static partial void LogMigrated(ILogger logger);
}
