using System.Text.RegularExpressions;
using DurableTask.Core;
using DurableTask.Core.Query;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PaymentFunctions.DurableTask.Postgres.Notifications;
using PaymentFunctions.DurableTask.Postgres.Schema;
using PaymentFunctions.DurableTask.Postgres.Storage;

namespace PaymentFunctions.DurableTask.Postgres;

/// <summary>
/// A DTFx task hub stored in PostgreSQL: the <see cref="IOrchestrationService"/> a <c>TaskHubWorker</c> runs on and the
/// client interfaces a <c>TaskHubClient</c> or a <c>DurableTaskClient</c> uses. Work is handed out with
/// <c>FOR NO KEY UPDATE SKIP LOCKED</c> and a lease, so any number of worker processes can share one hub; every
/// checkpoint and activity completion is one transaction; LISTEN/NOTIFY wakes idle workers, with polling as a fallback.
/// </summary>
public sealed partial class PostgresOrchestrationService :
    IOrchestrationService,
    IOrchestrationServiceClient,
    IOrchestrationServiceQueryClient,
    IOrchestrationServicePurgeClient,
    IAsyncDisposable,
    IDisposable
{
    /// <summary>The SQLSTATE <c>assert_lease_held</c> raises when a lease was lost.</summary>
    private const string LeaseLostState = "DT001";

    private readonly PostgresOrchestrationServiceSettings settings;
    private readonly NpgsqlDataSource dataSource;
    private readonly NotificationListener listener;
    private readonly HubChannels channels;
    private readonly NotificationThrottle? orchestrationNotifications;
    private readonly NotificationThrottle? activityNotifications;
    private readonly HistoryCache? historyCache;
    private readonly ILogger logger;
    private readonly string hub;
    private readonly string schema;
    private int disposed;

    /// <summary>Creates the service; nothing touches the database until it is used.</summary>
    /// <param name="settings">Where the hub lives and how work is leased and polled.</param>
    /// <param name="loggerFactory">Logs leases lost, poison work and listener failures; never the connection string.</param>
    public PostgresOrchestrationService(PostgresOrchestrationServiceSettings settings, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        if (!SchemaNamePattern().IsMatch(settings.SchemaName))
        {
            throw new ArgumentException($"Schema name '{settings.SchemaName}' must be a lower-case identifier (letters, digits, underscores).", nameof(settings));
        }

        this.settings = settings;
        this.hub = settings.TaskHubName;
        this.schema = settings.SchemaName;
        this.logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<PostgresOrchestrationService>();
        // The provider sets no session state, so a pooled connection need not be reset (DISCARD ALL) on every return.
        // Its few statements run thousands of times: prepared once per connection, they skip parsing and planning
        // (unless the connection string chose otherwise).
        var connection = new NpgsqlConnectionStringBuilder(settings.ConnectionString) { NoResetOnClose = true };
        if (connection.MaxAutoPrepare == 0)
        {
            connection.MaxAutoPrepare = 64;
            connection.AutoPrepareMinUsages = 2;
        }

        this.dataSource = NpgsqlDataSource.Create(connection);
        this.channels = HubChannels.For(this.schema, this.hub);
        this.historyCache = settings.HistoryCacheCharacters > 0 ? new HistoryCache(settings.HistoryCacheCharacters) : null;
        this.listener = new NotificationListener(settings.ConnectionString, this.channels, this.logger);
        if (settings.NotificationCoalescingWindow > TimeSpan.Zero)
        {
            this.orchestrationNotifications = new(settings.NotificationCoalescingWindow, this.listener.Orchestrations, () => this.SendNotifyAsync(this.channels.Orchestrations));
            this.activityNotifications = new(settings.NotificationCoalescingWindow, this.listener.Activities, () => this.SendNotifyAsync(this.channels.Activities));
        }
    }

    /// <summary>The settings this service was created with.</summary>
    public PostgresOrchestrationServiceSettings Settings => this.settings;

    /// <inheritdoc />
    public int TaskOrchestrationDispatcherCount => this.settings.DispatcherCount;

    /// <inheritdoc />
    public int MaxConcurrentTaskOrchestrationWorkItems => this.settings.MaxConcurrentTaskOrchestrationWorkItems;

    /// <inheritdoc />
    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => BehaviorOnContinueAsNew.Carryover;

    /// <inheritdoc />
    public int TaskActivityDispatcherCount => this.settings.DispatcherCount;

    /// <inheritdoc />
    public int MaxConcurrentTaskActivityWorkItems => this.settings.MaxConcurrentTaskActivityWorkItems;

    /// <inheritdoc />
    public Task StartAsync()
    {
        this.listener.EnsureStarted();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync() => this.StopAsync(false);

    /// <inheritdoc />
    /// <remarks>The service stays usable as a client after stopping; only <see cref="DisposeAsync"/> closes it.</remarks>
    public Task StopAsync(bool isForced) => Task.CompletedTask;

    /// <inheritdoc />
    public Task CreateAsync() => this.CreateAsync(false);

    /// <inheritdoc />
    public async Task CreateAsync(bool recreateInstanceStore)
    {
        if (recreateInstanceStore)
        {
            await this.DeleteAsync().ConfigureAwait(false);
        }

        await this.CreateIfNotExistsAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task CreateIfNotExistsAsync() => this.ApplySchemaAsync(CancellationToken.None);

    /// <summary>Applies the schema scripts this database lacks, under an advisory lock; returns the versions applied.</summary>
    public Task<IReadOnlyList<int>> ApplySchemaAsync(CancellationToken cancellationToken) =>
        SchemaScripts.ApplyAsync(this.dataSource, this.schema, cancellationToken);

    /// <inheritdoc />
    public Task DeleteAsync() => this.DeleteAsync(true);

    /// <inheritdoc />
    /// <remarks>Deletes this hub's rows only: the schema is shared with other hubs.</remarks>
    public async Task DeleteAsync(bool deleteInstanceStore)
    {
        var exists = this.dataSource.CreateCommand(this.Sql("SELECT to_regclass('__schema__.instances') IS NOT NULL"));
        await using (exists.ConfigureAwait(false))
        {
            if (await exists.ExecuteScalarAsync().ConfigureAwait(false) is not true)
            {
                return;
            }
        }

        // History, messages and tasks go with their instances (ON DELETE CASCADE).
        var delete = this.dataSource.CreateCommand(this.Sql("DELETE FROM __schema__.instances WHERE hub = @hub"));
        await using (delete.ConfigureAwait(false))
        {
            delete.Parameters.AddWithValue("hub", this.hub);
            await delete.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) => false;

    /// <inheritdoc />
    /// <remarks>The failed instance already waits out its own abandon backoff; the dispatcher need not wait too.</remarks>
    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => 0;

    /// <inheritdoc />
    /// <remarks>A failed fetch usually means the database is unreachable: back off briefly instead of spinning.</remarks>
    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => exception is OperationCanceledException ? 0 : 1;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref this.disposed, 1) == 1)
        {
            return;
        }

        await this.listener.DisposeAsync().ConfigureAwait(false);
        await this.dataSource.DisposeAsync().ConfigureAwait(false);
        this.historyCache?.Dispose();
    }

    /// <inheritdoc />
    public void Dispose() => this.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>
    /// Called once in a pick's statement, so its transaction commits without waiting for the WAL flush. Only leases
    /// are written there, and a lease lost in a server crash is harmless: the instance or task is handed out again,
    /// and the checkpoint or completion of the worker that held it fails its lease check (those wait for the flush).
    /// </summary>
    private const string AsynchronousCommitSql = "set_config('synchronous_commit', 'off', true)";

    /// <summary>A statement with the schema name filled in.</summary>
    private string Sql(string text) => text.Replace(SchemaScripts.SchemaToken, this.schema, StringComparison.Ordinal);

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaNamePattern();
}
