using System.Collections.Concurrent;
using Npgsql;

namespace PaymentFunctions.LocalStack.Postgres;

/// <summary>
/// One PostgreSQL server shared by everything in the process: a configured server when there is
/// one, otherwise a private cluster started on first use. Hands out fresh databases.
/// </summary>
/// <remarks>
/// On a configured server every database made here is labelled with this machine and process.
/// Exit handlers may be cut short (a test host is killed soon after its run), so besides dropping
/// its own databases at the end, each process drops those of dead processes of this machine
/// when it first connects.
/// </remarks>
internal sealed class SharedServer : IAsyncDisposable
{
    private const string LabelPrefix = "paymentfunctions-test|";

    private readonly Func<string?> _configuredConnectionString;
    private readonly PostgresClusterOptions _options;
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, byte> _createdOnConfiguredServer = new(StringComparer.Ordinal);
    private Task<PostgresLease>? _lease;

    public SharedServer(Func<string?> configuredConnectionString, PostgresClusterOptions options)
    {
        _configuredConnectionString = configuredConnectionString;
        _options = options;
    }

    private static string Label => $"{LabelPrefix}{Environment.MachineName}|{ProcessIdentity.Current}";

    public async Task<PostgresLease> GetLeaseAsync(CancellationToken cancellationToken)
    {
        Task<PostgresLease> lease;
        lock (_gate)
        {
            // Not bound to the first caller's token: one caller giving up must not fail the others.
            lease = _lease ??= AcquireAsync();
        }

        return await lease.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<string> CreateDatabaseAsync(string? nameHint, CancellationToken cancellationToken)
    {
        var lease = await GetLeaseAsync(cancellationToken).ConfigureAwait(false);
        var name = PostgresDatabases.UniqueName(nameHint);
        if (lease.Cluster is { } cluster)
        {
            return await cluster.CreateDatabaseAsync(name, cancellationToken).ConfigureAwait(false);
        }

        _createdOnConfiguredServer.TryAdd(name, 0);
        return await PostgresDatabases.CreateAsync(lease.ConnectionString, name, Label, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Drops the databases made on a configured server (a private cluster vanishes as a whole)
    /// and stops a private cluster.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        Task<PostgresLease>? lease;
        lock (_gate)
        {
            lease = _lease;
            _lease = null;
        }

        if (lease is null || !lease.IsCompletedSuccessfully)
        {
            return;
        }

        var leased = await lease.ConfigureAwait(false);
        await DropCreatedDatabasesAsync(leased).ConfigureAwait(false);
        await leased.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// At process exit only the configured server needs tidying; private clusters are stopped by
    /// the cluster registry, faster than a dispose could.
    /// </summary>
    public void DropCreatedDatabasesAtExit()
    {
        Task<PostgresLease>? lease;
        lock (_gate)
        {
            lease = _lease;
        }

        if (lease is { IsCompletedSuccessfully: true } && !lease.Result.StartedCluster && !_createdOnConfiguredServer.IsEmpty)
        {
            DropCreatedDatabasesAsync(lease.Result).AsTask().Wait(TimeSpan.FromSeconds(15));
        }
    }

    private async Task<PostgresLease> AcquireAsync()
    {
        var lease = await PostgresConnection.AcquireAsync(_configuredConnectionString(), _options, CancellationToken.None).ConfigureAwait(false);
        if (!lease.StartedCluster)
        {
            await DropDatabasesOfDeadProcessesAsync(lease.ConnectionString).ConfigureAwait(false);
        }

        return lease;
    }

    private static async Task DropDatabasesOfDeadProcessesAsync(string connectionString)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            var labelled = await PostgresDatabases.ListLabelledAsync(connectionString, LabelPrefix, timeout.Token).ConfigureAwait(false);
            foreach (var (name, label) in labelled)
            {
                var parts = label.Split('|');
                if (parts.Length == 3
                    && string.Equals(parts[1], Environment.MachineName, StringComparison.Ordinal)
                    && ProcessIdentity.IsRunning(parts[2]) == false)
                {
                    await PostgresDatabases.DropAsync(connectionString, name, timeout.Token).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or ArgumentException)
        {
            // Best effort: left-over test databases are harmless, and a server that refuses this
            // will show its real problem at the first database creation.
        }
    }

    private async ValueTask DropCreatedDatabasesAsync(PostgresLease lease)
    {
        if (lease.StartedCluster)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await Task.WhenAll(_createdOnConfiguredServer.Keys.Select(async name =>
        {
            try
            {
                await PostgresDatabases.DropAsync(lease.ConnectionString, name, timeout.Token).ConfigureAwait(false);
                _createdOnConfiguredServer.TryRemove(name, out _);
            }
            catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException)
            {
                // Best effort: the next run on this machine drops what is left.
            }
        })).ConfigureAwait(false);
    }
}
