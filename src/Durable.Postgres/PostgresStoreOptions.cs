namespace PaymentFunctions.Durable.Postgres;

/// <summary>Where and how the PostgreSQL store keeps a task hub.</summary>
public sealed class PostgresStoreOptions
{
    /// <summary>The Npgsql connection string. It is never logged.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// The task hub: it leads every key, so several hubs can share one database (e.g. one per app or per test)
    /// without ever seeing each other's work.
    /// </summary>
    public string HubName { get; set; } = "default";

    /// <summary>
    /// How long a lease lasts without renewal; after a crash, the work waits this long before another worker
    /// takes it over. Keep it well above the worker's lock renewal interval.
    /// </summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The most work items one fetch locks, whatever the worker asks for; bounds a fetch's cost.</summary>
    public int MaxBatchSize { get; set; } = 50;
}
