using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PaymentFunctions.Durable.Postgres.Notifications;
using PaymentFunctions.Durable.Postgres.Schema;
using PaymentFunctions.Durable.Storage;

namespace PaymentFunctions.Durable.Postgres;

/// <summary>
/// The durable store: orchestration state in PostgreSQL (schema <c>durable</c>), shared safely by any number of
/// worker processes. Work is taken with <c>FOR UPDATE SKIP LOCKED</c> under leases, every episode and activity
/// result commits in one transaction (one round trip), and <c>LISTEN/NOTIFY</c> wakes idle workers at once.
/// </summary>
/// <remarks>
/// It behaves exactly like the in-memory store, rule for rule; only durability and sharing differ. Times are
/// kept with PostgreSQL's microsecond precision. Dispose it to close its connections.
/// </remarks>
public sealed partial class PostgresOrchestrationStore : IOrchestrationStore, IAsyncDisposable
{
    private readonly NpgsqlDataSource dataSource;
    private readonly bool ownsDataSource;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly string hub;
    private readonly TimeSpan lockTimeout;
    private readonly int maxBatchSize;
    private readonly string orchestrationChannel;
    private readonly string activityChannel;
    /// <summary>Workers notify other processes at most once per this window and channel.</summary>
    private static readonly TimeSpan NotifyWindow = TimeSpan.FromMilliseconds(10);

    private readonly WakeUp orchestrationWork = new();
    private readonly WakeUp activityWork = new();
    private readonly NotificationListener listener;
    private readonly NotificationThrottle orchestrationNotifications;
    private readonly NotificationThrottle activityNotifications;
    private readonly Lock initializationGate = new();
    private Task? initialization;
    private int disposed;

    /// <summary>Creates a store for one task hub; nothing connects until the store is first used.</summary>
    public PostgresOrchestrationStore(PostgresStoreOptions options, TimeProvider? time = null, ILoggerFactory? loggerFactory = null)
        : this(options, null, time, loggerFactory)
    {
    }

    /// <summary>
    /// Creates a store on a data source shared with other stores (e.g. many test hubs on one database, so each
    /// does not open its own connections); the caller disposes the data source.
    /// </summary>
    internal PostgresOrchestrationStore(PostgresStoreOptions options, NpgsqlDataSource? sharedDataSource, TimeProvider? time = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString, nameof(options.ConnectionString));
        ArgumentException.ThrowIfNullOrEmpty(options.HubName, nameof(options.HubName));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.LockTimeout, TimeSpan.Zero, nameof(options.LockTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatchSize, 1, nameof(options.MaxBatchSize));

        this.time = time ?? TimeProvider.System;
        this.logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<PostgresOrchestrationStore>();
        this.hub = options.HubName;
        this.lockTimeout = options.LockTimeout;
        this.maxBatchSize = options.MaxBatchSize;

        this.ownsDataSource = sharedDataSource is null;
        this.dataSource = sharedDataSource ?? CreateDataSource(options.ConnectionString);

        // Channel names are identifiers: a hash keeps any hub name safe and within the 63-byte limit.
        var hubHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(options.HubName)))[..16];
        this.orchestrationChannel = $"durable_{hubHash}_orch";
        this.activityChannel = $"durable_{hubHash}_act";
        this.orchestrationNotifications = new NotificationThrottle(NotifyWindow, () => this.SendNotifyAsync(this.orchestrationChannel));
        this.activityNotifications = new NotificationThrottle(NotifyWindow, () => this.SendNotifyAsync(this.activityChannel));
        this.listener = new NotificationListener(
            options.ConnectionString,
            [this.orchestrationChannel, this.activityChannel],
            this.OnNotification,
            this.logger);
    }

    /// <summary>A pooled data source tuned for the store's statements.</summary>
    internal static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            // The store sends a handful of fixed statements over and over: preparing them saves parse and plan time.
            builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
            builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        }

        // The store never changes session state, so returning a connection to the pool needs no reset round trip.
        builder.ConnectionStringBuilder.NoResetOnClose = true;
        return builder.Build();
    }

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken = default) => this.EnsureInitializedAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref this.disposed, 1) != 0)
        {
            return;
        }

        await this.listener.DisposeAsync().ConfigureAwait(false);
        if (this.ownsDataSource)
        {
            await this.dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The channel that announces orchestration work (for tests).</summary>
    internal string OrchestrationChannel => this.orchestrationChannel;

    /// <summary>How many times the listener connected (for tests).</summary>
    internal int ListenerConnections => this.listener.Connections;

    /// <summary>Starts the notification listener and completes once it listens (for tests).</summary>
    internal Task StartListeningAsync()
    {
        this.listener.EnsureStarted();
        return this.listener.Listening;
    }

    /// <summary>The schema is applied once per store; every operation waits for it, so clients may start first.</summary>
    private Task EnsureInitializedAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref this.initialization);
        if (current is { IsCompletedSuccessfully: true })
        {
            return Task.CompletedTask;
        }

        lock (this.initializationGate)
        {
            if (this.initialization is null || this.initialization.IsFaulted || this.initialization.IsCanceled)
            {
                this.initialization = this.MigrateAsync();
            }

            current = this.initialization;
        }

        return current.WaitAsync(cancellationToken);
    }

    private async Task MigrateAsync()
    {
        var applied = await SchemaMigrator.MigrateAsync(this.dataSource, CancellationToken.None).ConfigureAwait(false);
        foreach (var version in applied)
        {
            LogSchemaApplied(this.logger, version);
        }
    }

    private void OnNotification(string channel)
    {
        if (channel == this.orchestrationChannel)
        {
            this.orchestrationWork.Signal();
        }
        else if (channel == this.activityChannel)
        {
            this.activityWork.Signal();
        }
        else
        {
            // The listener lost its connection: anything may have been missed, so every waiter looks again.
            this.orchestrationWork.Signal();
            this.activityWork.Signal();
        }
    }

    /// <summary>The statement that wakes other processes when the transaction commits (client operations).</summary>
    private NpgsqlBatchCommand Notify(bool orchestrations, bool activities) => this.NotifyCommand(
        orchestrations ? this.orchestrationChannel : null, activities ? this.activityChannel : null);

    /// <summary>
    /// The NOTIFY for a worker's transaction, throttled per channel; null when both are held back. Call
    /// <see cref="AfterThrottledCommit"/> with the same flags once the transaction commits.
    /// </summary>
    private (NpgsqlBatchCommand? Command, bool OrchestrationsHeld, bool ActivitiesHeld) ThrottledNotify(bool orchestrations, bool activities)
    {
        var sendOrchestrations = orchestrations && this.orchestrationNotifications.TryTake();
        var sendActivities = activities && this.activityNotifications.TryTake();
        var command = sendOrchestrations || sendActivities
            ? this.NotifyCommand(sendOrchestrations ? this.orchestrationChannel : null, sendActivities ? this.activityChannel : null)
            : null;
        return (command, orchestrations && !sendOrchestrations, activities && !sendActivities);
    }

    private void AfterThrottledCommit(bool orchestrationsHeld, bool activitiesHeld)
    {
        if (orchestrationsHeld)
        {
            this.orchestrationNotifications.Suppressed();
        }

        if (activitiesHeld)
        {
            this.activityNotifications.Suppressed();
        }
    }

    private NpgsqlBatchCommand NotifyCommand(string? first, string? second)
    {
        var calls = new[] { first, second }.Where(c => c is not null).Select(c => $"pg_notify('{c}', '')");
        return new NpgsqlBatchCommand($"SELECT {string.Join(", ", calls)}");
    }

    private async Task SendNotifyAsync(string channel)
    {
        await using var command = this.dataSource.CreateCommand($"SELECT pg_notify('{channel}', '')");
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private void SignalLocal(bool orchestrations, bool activities)
    {
        if (orchestrations)
        {
            this.orchestrationWork.Signal();
        }

        if (activities)
        {
            this.activityWork.Signal();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied durable schema version {Version}")]
    private static partial void LogSchemaApplied(ILogger logger, int version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Episode of {InstanceId} was not committed: another worker already committed it")]
    private static partial void LogDuplicateEpisode(ILogger logger, string instanceId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Episode of {InstanceId} was not committed: its lease was lost")]
    private static partial void LogLeaseLost(ILogger logger, string instanceId);
}
