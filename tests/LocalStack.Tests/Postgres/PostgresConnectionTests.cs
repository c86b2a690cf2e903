using Npgsql;
using PaymentFunctions.LocalStack.Postgres;

namespace PaymentFunctions.LocalStack.Tests.Postgres;

public sealed class PostgresConnectionTests
{
    [Fact]
    public async Task Configured_connection_string_wins_and_starts_no_cluster()
    {
        var configured = await SharedPostgres.CreateDatabaseAsync("configured");

        var lease = await PostgresConnection.AcquireAsync(configured, new PostgresClusterOptions { Port = 1 });
        Assert.False(lease.StartedCluster);
        Assert.Null(lease.Cluster);
        Assert.Equal(configured, lease.ConnectionString);
        await lease.DisposeAsync();

        // Disposing a lease on a configured server leaves that server running.
        await using var connection = new NpgsqlConnection(configured);
        await connection.OpenAsync();
        Assert.Equal(1, await PostgresClusterTests.ScalarAsync<int>(connection, "SELECT 1"));
    }

    [Fact]
    public async Task Rejects_a_malformed_configured_connection_string()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => PostgresConnection.AcquireAsync("Hots=localhost;Prot=5432"));
    }

    [Fact]
    public async Task Without_configuration_starts_a_private_cluster_and_stops_it_with_the_lease()
    {
        var lease = await PostgresConnection.AcquireAsync("   ", new PostgresClusterOptions { Durability = false });
        Assert.True(lease.StartedCluster);
        var cluster = lease.Cluster!;
        Assert.Equal(cluster.ConnectionString, lease.ConnectionString);

        await using (var connection = new NpgsqlConnection(lease.ConnectionString))
        {
            await connection.OpenAsync();
            Assert.Equal(cluster.Port, connection.Port);
        }

        await lease.DisposeAsync();
        Assert.False(Directory.Exists(cluster.DataDirectory));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => cluster.CreateDatabaseAsync("after_dispose"));
    }

    [Fact]
    public async Task Lease_description_hides_the_password()
    {
        var lease = await PostgresConnection.AcquireAsync("Host=db.example;Port=5433;Database=payments;Username=app;Password=s3cret-value");
        Assert.DoesNotContain("s3cret-value", lease.ToString(), StringComparison.Ordinal);
        Assert.Contains("db.example:5433/payments", lease.ToString(), StringComparison.Ordinal);
    }
}
