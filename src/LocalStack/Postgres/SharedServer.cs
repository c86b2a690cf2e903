using System.Collections.Concurrent;

namespace PaymentFunctions.LocalStack.Postgres;

/// <summary>
/// One PostgreSQL server shared by everything in the process: a configured server when there is
/// one, otherwise a private cluster started on first use. Hands out fresh databases.
/// </summary>
internal sealed class SharedServer : IAsyncDisposable
{
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

    public async Task<PostgresLease> GetLeaseAsync(CancellationToken cancellationToken)
    {
        Task<PostgresLease> lease;
        lock (_gate)
        {
            // Not bound to the first caller's token: one caller giving up must not fail the others.
            lease = _lease ??= PostgresConnection.AcquireAsync(_configuredConnectionString(), _options, CancellationToken.None);
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
        return await PostgresDatabases.CreateAsync(lease.ConnectionString, name, cancellationToken).ConfigureAwait(false);
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

    private async ValueTask DropCreatedDatabasesAsync(PostgresLease lease)
    {
        if (lease.StartedCluster)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        foreach (var name in _createdOnConfiguredServer.Keys)
        {
            try
            {
                await PostgresDatabases.DropAsync(lease.ConnectionString, name, timeout.Token).ConfigureAwait(false);
                _createdOnConfiguredServer.TryRemove(name, out _);
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or OperationCanceledException)
            {
                // Best effort: a left-over test database is harmless.
            }
        }
    }
}
