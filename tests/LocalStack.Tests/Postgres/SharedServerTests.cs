using Npgsql;
using PaymentFunctions.LocalStack.Postgres;

namespace PaymentFunctions.LocalStack.Tests.Postgres;

public sealed class SharedServerTests
{
    [Fact]
    public async Task Shared_server_hands_out_fresh_empty_databases()
    {
        var first = await SharedPostgres.CreateDatabaseAsync(nameof(SharedServerTests));
        var second = await SharedPostgres.CreateDatabaseAsync(nameof(SharedServerTests));

        var firstName = new NpgsqlConnectionStringBuilder(first).Database!;
        var secondName = new NpgsqlConnectionStringBuilder(second).Database!;
        Assert.NotEqual(firstName, secondName);
        Assert.StartsWith("sharedservertests_", firstName, StringComparison.Ordinal);

        await using var connection = new NpgsqlConnection(second);
        await connection.OpenAsync();
        Assert.Equal(0L, await PostgresClusterTests.ScalarAsync<long>(connection, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
    }

    [Fact]
    public async Task Shared_server_starts_one_fast_cluster_for_concurrent_callers()
    {
        var server = new SharedServer(() => null, SharedPostgres.ClusterOptions);
        try
        {
            var databases = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => server.CreateDatabaseAsync("concurrent", CancellationToken.None)));

            var ports = databases.Select(cs => new NpgsqlConnectionStringBuilder(cs).Port).Distinct().ToList();
            Assert.Single(ports);
            Assert.Equal(4, databases.Distinct().Count());

            // Test clusters trade crash safety for speed.
            await using var connection = new NpgsqlConnection(databases[0]);
            await connection.OpenAsync();
            Assert.Equal("off", await PostgresClusterTests.ScalarAsync<string>(connection, "SHOW fsync"));
            Assert.Equal("off", await PostgresClusterTests.ScalarAsync<string>(connection, "SHOW synchronous_commit"));
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Configured_server_is_used_and_its_test_databases_are_dropped_at_the_end()
    {
        var external = await SharedPostgres.GetServerConnectionStringAsync();
        var server = new SharedServer(() => external, new PostgresClusterOptions { Port = 1 });

        var database = await server.CreateDatabaseAsync("external", CancellationToken.None);
        var lease = await server.GetLeaseAsync(CancellationToken.None);
        Assert.False(lease.StartedCluster);
        var name = new NpgsqlConnectionStringBuilder(database).Database!;
        Assert.True(await DatabaseExistsAsync(external, name));

        await server.DisposeAsync();

        Assert.False(await DatabaseExistsAsync(external, name));
    }

    [Fact]
    public async Task Configured_server_loses_the_test_databases_of_dead_runs_on_this_machine_only()
    {
        var external = await SharedPostgres.GetServerConnectionStringAsync();
        var deadRun = PostgresDatabases.UniqueName("dead_run");
        var otherMachine = PostgresDatabases.UniqueName("other_machine");
        var unlabelled = PostgresDatabases.UniqueName("unlabelled");
        await PostgresDatabases.CreateAsync(external, deadRun, $"paymentfunctions-test|{Environment.MachineName}|{Environment.ProcessId} 1", CancellationToken.None);
        await PostgresDatabases.CreateAsync(external, otherMachine, "paymentfunctions-test|elsewhere.example|1 1", CancellationToken.None);
        await PostgresDatabases.CreateAsync(external, unlabelled, comment: null, CancellationToken.None);

        try
        {
            var server = new SharedServer(() => external, new PostgresClusterOptions());
            await server.GetLeaseAsync(CancellationToken.None);
            await server.DisposeAsync();

            Assert.False(await DatabaseExistsAsync(external, deadRun));
            Assert.True(await DatabaseExistsAsync(external, otherMachine));
            Assert.True(await DatabaseExistsAsync(external, unlabelled));
        }
        finally
        {
            await PostgresDatabases.DropAsync(external, otherMachine, CancellationToken.None);
            await PostgresDatabases.DropAsync(external, unlabelled, CancellationToken.None);
        }
    }

    [Theory]
    [InlineData("MyTests", "mytests_")]
    [InlineData("1st-class", "db_1st_class_")]
    [InlineData(null, "test_")]
    public void Database_names_are_readable_unique_identifiers(string? hint, string expectedPrefix)
    {
        var name = PostgresDatabases.UniqueName(hint);
        Assert.StartsWith(expectedPrefix, name, StringComparison.Ordinal);
        PostgresDatabases.ValidateName(name);
        Assert.NotEqual(name, PostgresDatabases.UniqueName(hint));
    }

    private static async Task<bool> DatabaseExistsAsync(string connectionString, string name)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", name);
        return (long)(await command.ExecuteScalarAsync())! == 1;
    }
}
