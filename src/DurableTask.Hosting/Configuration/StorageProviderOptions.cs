namespace PaymentFunctions.DurableTask.Hosting.Configuration;

/// <summary>The <c>storageProvider</c> part of <c>extensions.durableTask</c>: which backend keeps the task hub.</summary>
public sealed class StorageProviderOptions
{
    /// <summary>The PostgreSQL backend's <see cref="Type"/>.</summary>
    public const string Postgres = "postgres";

    /// <summary>DTFx's Azure Storage backend's <see cref="Type"/>, the one Durable Functions uses by default.</summary>
    public const string AzureStorage = "azureStorage";

    /// <summary><see cref="Postgres"/> or <see cref="AzureStorage"/>; anything else stops the host at start-up.</summary>
    public string Type { get; set; } = Postgres;

    /// <summary>
    /// The app setting (or <c>ConnectionStrings</c> entry) holding the connection string. Unset, it is
    /// <c>DurableStoreConnection</c> for PostgreSQL and <c>AzureWebJobsStorage</c> for Azure Storage, as in Functions.
    /// </summary>
    public string? ConnectionStringName { get; set; }

    /// <summary>How long a work item's lease lasts without renewal (PostgreSQL).</summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Control queues (Azure Storage); fixed for the hub's lifetime.</summary>
    public int PartitionCount { get; set; } = 4;

    /// <summary>
    /// The longest idle wait between queue polls (Azure Storage). Durable Functions defaults to 30 s, which costs
    /// seconds of latency after a quiet spell; half a second suits a single app.
    /// </summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The connection setting name in effect for <see cref="Type"/>.</summary>
    public string EffectiveConnectionStringName =>
        this.ConnectionStringName is { Length: > 0 } name ? name
        : string.Equals(this.Type, AzureStorage, StringComparison.OrdinalIgnoreCase) ? "AzureWebJobsStorage"
        : "DurableStoreConnection";
}
