using Npgsql;
using PaymentFunctions.LocalStack.Postgres;

namespace PaymentFunctions.App.Hosting;

/// <summary>
/// The PostgreSQL database the host runs on (the durable store, timer leases, readiness), with the task hub that
/// scopes the host's rows. Owns the lease, so a private cluster started for a zero-configuration run stops with
/// the host.
/// </summary>
public sealed class AppDatabase : IAsyncDisposable
{
    private readonly PostgresLease lease;

    internal AppDatabase(PostgresLease lease, string hubName)
    {
        this.lease = lease;
        this.HubName = hubName;
        this.DataSource = NpgsqlDataSource.Create(lease.ConnectionString);
    }

    /// <summary>The task hub of this app; timer leases are kept per hub too.</summary>
    public string HubName { get; }

    /// <summary>Pooled connections to the database.</summary>
    public NpgsqlDataSource DataSource { get; }

    internal string ConnectionString => this.lease.ConnectionString;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await this.DataSource.DisposeAsync();
        await this.lease.DisposeAsync();
    }

    /// <summary>Where the database is, without credentials.</summary>
    public override string ToString() => this.lease.ToString();
}
