using Npgsql;

namespace PaymentFunctions.LocalStack.Postgres;

/// <summary>
/// Decides which PostgreSQL server the app or a test uses: a configured connection string wins;
/// without one, a private cluster is started so that running locally needs no set-up.
/// </summary>
public static class PostgresConnection
{
    /// <summary>
    /// Returns a lease on the configured server, or on a newly started private cluster when
    /// <paramref name="configuredConnectionString"/> is null or blank.
    /// </summary>
    /// <param name="configuredConnectionString">The configured Npgsql connection string, if any.</param>
    /// <param name="options">Settings for the private cluster; ignored when a connection string is configured.</param>
    /// <param name="cancellationToken">Cancels the start of a private cluster.</param>
    /// <exception cref="ArgumentException">The configured connection string is not a valid Npgsql connection string.</exception>
    public static async Task<PostgresLease> AcquireAsync(
        string? configuredConnectionString,
        PostgresClusterOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        if (!string.IsNullOrWhiteSpace(configuredConnectionString))
        {
            // Parse now: a typo should fail at start-up, not at the first query.
            _ = new NpgsqlConnectionStringBuilder(configuredConnectionString);
            return new PostgresLease(configuredConnectionString, cluster: null);
        }

        var cluster = await PostgresCluster.StartAsync(options, cancellationToken).ConfigureAwait(false);
        return new PostgresLease(cluster.ConnectionString, cluster);
    }
}
