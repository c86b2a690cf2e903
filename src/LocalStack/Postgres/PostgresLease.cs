using Npgsql;

namespace PaymentFunctions.LocalStack.Postgres;

/// <summary>
/// A database to use for as long as the lease is held: either a configured server, which the
/// lease never touches, or a private cluster that the lease started and stops on dispose.
/// </summary>
public sealed class PostgresLease : IAsyncDisposable
{
    internal PostgresLease(string connectionString, PostgresCluster? cluster)
    {
        ConnectionString = connectionString;
        Cluster = cluster;
    }

    /// <summary>The Npgsql connection string to use.</summary>
    public string ConnectionString { get; }

    /// <summary>The private cluster this lease started, or null when a configured server is used.</summary>
    public PostgresCluster? Cluster { get; }

    /// <summary>True when the lease started (and will stop) a private cluster.</summary>
    public bool StartedCluster => Cluster is not null;

    /// <summary>Stops the private cluster if this lease started one; a configured server is left alone.</summary>
    public ValueTask DisposeAsync() => Cluster?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <summary>Where the lease points, without credentials.</summary>
    public override string ToString()
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        var source = StartedCluster ? "private cluster" : "configured";
        return $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database} ({source})";
    }
}
