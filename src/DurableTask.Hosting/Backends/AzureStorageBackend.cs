using DurableTask.AzureStorage;
using Microsoft.Extensions.Logging;
using PaymentFunctions.DurableTask.Hosting.Configuration;

namespace PaymentFunctions.DurableTask.Hosting.Backends;

/// <summary>DTFx's Azure Storage provider, configured from host.json as the Durable Functions extension does.</summary>
public static class AzureStorageBackend
{
    /// <summary>
    /// Creates the backend on the storage account of <paramref name="connectionString"/>;
    /// <c>UseDevelopmentStorage=true</c> means Azurite on its default ports, as in Functions.
    /// </summary>
    public static DurableTaskBackend Create(DurableTaskExtensionOptions options, string connectionString, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        var service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = options.HubName,
            StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestratorFunctions,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivityFunctions,
            PartitionCount = options.StorageProvider.PartitionCount,
            MaxQueuePollingInterval = options.StorageProvider.MaxQueuePollingInterval,
            ExtendedSessionsEnabled = options.ExtendedSessionsEnabled,
            ExtendedSessionIdleTimeout = TimeSpan.FromSeconds(options.ExtendedSessionIdleTimeoutInSeconds),

            // Without it a start under an id in a dedupe status is dropped silently instead of refused.
            ThrowExceptionOnInvalidDedupeStatus = true,
            LoggerFactory = loggerFactory,
        });
        return new DurableTaskBackend(StorageProviderOptions.AzureStorage, service, (id, reason, _) => service.RewindTaskOrchestrationAsync(id, reason));
    }
}
