using Microsoft.Extensions.Logging;
using PaymentFunctions.DurableTask.Hosting.Configuration;
using PaymentFunctions.DurableTask.Postgres;

namespace PaymentFunctions.DurableTask.Hosting.Backends;

/// <summary>The PostgreSQL provider (<see cref="PostgresOrchestrationService"/>), configured from host.json.</summary>
public static class PostgresBackend
{
    /// <summary>
    /// Creates the backend on the database of <paramref name="connectionString"/>: the hub is <c>hubName</c>, the
    /// concurrency is <c>maxConcurrentOrchestratorFunctions</c>/<c>maxConcurrentActivityFunctions</c> and the
    /// lease is <c>storageProvider.lockTimeout</c>.
    /// </summary>
    public static DurableTaskBackend Create(DurableTaskExtensionOptions options, string connectionString, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        var service = new PostgresOrchestrationService(
            new PostgresOrchestrationServiceSettings
            {
                ConnectionString = connectionString,
                TaskHubName = options.HubName,
                WorkItemLockTimeout = options.StorageProvider.LockTimeout,
                MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestratorFunctions,
                MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivityFunctions,
            },
            loggerFactory);
        return new DurableTaskBackend(StorageProviderOptions.Postgres, service, (id, reason, _) => service.RewindTaskOrchestrationAsync(id, reason));
    }
}
