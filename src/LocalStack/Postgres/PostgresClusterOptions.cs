namespace PaymentFunctions.LocalStack.Postgres;

/// <summary>
/// How a private cluster is set up. The defaults suit benchmarks and running the app: durable
/// (fsync on), 200 connections, 128 MB shared buffers. Tests set <see cref="Durability"/> to
/// false, trading crash safety they never need for speed.
/// </summary>
public sealed record PostgresClusterOptions
{
    /// <summary>
    /// When false: fsync, full_page_writes and synchronous_commit are off and WAL is minimal.
    /// A crash of the machine may then corrupt the cluster, which is fine for throw-away test data.
    /// </summary>
    public bool Durability { get; init; } = true;

    /// <summary>
    /// synchronous_commit while <see cref="Durability"/> is true: on, off, local, remote_write or
    /// remote_apply. "off" keeps the data safe but may lose the last commits in a crash.
    /// </summary>
    public string SynchronousCommit { get; init; } = "on";

    /// <summary>max_connections; several worker hosts with their pools need more than the default 100.</summary>
    public int MaxConnections { get; init; } = 200;

    /// <summary>shared_buffers, in PostgreSQL's units ("128MB").</summary>
    public string SharedBuffers { get; init; } = "128MB";

    /// <summary>Further server settings (name to value), written to postgresql.conf after the ones above.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>The TCP port on 127.0.0.1; null picks a free one.</summary>
    public int? Port { get; init; }

    /// <summary>Folder holding initdb, pg_ctl and postgres; null finds the highest installed version.</summary>
    public string? BinDirectory { get; init; }

    /// <summary>Where the cluster's folder is created; null means the system temp folder.</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>The account the server runs as when this process is root (PostgreSQL refuses root).</summary>
    public string ServerAccount { get; init; } = "postgres";

    /// <summary>How long initdb plus start-up may take before the start fails.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(90);
}
