namespace PaymentFunctions.DurableTask.Postgres;

/// <summary>
/// Settings of <see cref="PostgresOrchestrationService"/>. One task hub is one <see cref="TaskHubName"/> inside one
/// <see cref="SchemaName"/>: every row is keyed by the hub, so several hubs (test runs, apps) can share a database.
/// </summary>
public sealed record PostgresOrchestrationServiceSettings
{
    /// <summary>The Npgsql connection string. It is never logged, since it usually carries a password.</summary>
    public required string ConnectionString { get; init; }

    /// <summary>The task hub: the first part of every key, so hubs on one database never see each other's work.</summary>
    public required string TaskHubName { get; init; }

    /// <summary>The PostgreSQL schema holding the tables; shared by every hub using it.</summary>
    public string SchemaName { get; init; } = "durable";

    /// <summary>
    /// How long a worker owns a locked work item before another worker may take it over. DTFx renews the lease while
    /// it works, so this only bounds how long a crashed worker delays its instances.
    /// </summary>
    public TimeSpan WorkItemLockTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many orchestration episodes one worker runs at once.</summary>
    public int MaxConcurrentTaskOrchestrationWorkItems { get; init; } = Environment.ProcessorCount * 4;

    /// <summary>How many activities one worker runs at once.</summary>
    public int MaxConcurrentTaskActivityWorkItems { get; init; } = Environment.ProcessorCount * 8;

    /// <summary>
    /// Concurrent fetch loops per work item kind. DTFx fetches one work item per loop at a time, so with one loop a
    /// fetch round trip caps the rate of episodes (and of activities) however many may run at once.
    /// </summary>
    public int DispatcherCount { get; init; } = 4;

    /// <summary>The first poll after finding no work; polling only backs up the LISTEN/NOTIFY wake-ups.</summary>
    public TimeSpan MinPollingInterval { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The longest wait between polls when no notification arrives (e.g. a lost listener connection).</summary>
    public TimeSpan MaxPollingInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Workers send at most about one wake-up NOTIFY per channel in this window (the rest follow in one trailing NOTIFY),
    /// since PostgreSQL serializes the commits of notifying transactions. Zero notifies on every commit. Client
    /// operations always notify at once.
    /// </summary>
    public TimeSpan NotificationCoalescingWindow { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// After this many times a work item was handed out without completing (abandoned, or its worker died), it is
    /// poison: the orchestration is failed, or the activity fails back to its orchestration, with a reason.
    /// </summary>
    public int MaxDequeueCount { get; init; } = 10;

    /// <summary>The longest backoff an abandoned work item waits before it is handed out again.</summary>
    public TimeSpan MaxAbandonBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How much history (in characters of its JSON) this worker keeps in memory for instances it checkpointed, so their
    /// next episode skips reading the history back; an instance changed by another worker meanwhile is read as usual.
    /// Zero turns the cache off.
    /// </summary>
    public long HistoryCacheCharacters { get; init; } = 16 * 1024 * 1024;

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(this.ConnectionString, nameof(this.ConnectionString));
        ArgumentException.ThrowIfNullOrWhiteSpace(this.TaskHubName, nameof(this.TaskHubName));
        ArgumentException.ThrowIfNullOrWhiteSpace(this.SchemaName, nameof(this.SchemaName));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(this.WorkItemLockTimeout, TimeSpan.Zero, nameof(this.WorkItemLockTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(this.MaxConcurrentTaskOrchestrationWorkItems, 1, nameof(this.MaxConcurrentTaskOrchestrationWorkItems));
        ArgumentOutOfRangeException.ThrowIfLessThan(this.MaxConcurrentTaskActivityWorkItems, 1, nameof(this.MaxConcurrentTaskActivityWorkItems));
        ArgumentOutOfRangeException.ThrowIfLessThan(this.DispatcherCount, 1, nameof(this.DispatcherCount));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(this.MinPollingInterval, TimeSpan.Zero, nameof(this.MinPollingInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(this.MaxPollingInterval, this.MinPollingInterval, nameof(this.MaxPollingInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(this.NotificationCoalescingWindow, TimeSpan.Zero, nameof(this.NotificationCoalescingWindow));
        ArgumentOutOfRangeException.ThrowIfLessThan(this.MaxDequeueCount, 1, nameof(this.MaxDequeueCount));
        ArgumentOutOfRangeException.ThrowIfNegative(this.HistoryCacheCharacters, nameof(this.HistoryCacheCharacters));
    }
}
