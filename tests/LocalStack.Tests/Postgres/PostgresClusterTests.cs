using System.Net.Sockets;
using Npgsql;
using PaymentFunctions.LocalStack.Postgres;

namespace PaymentFunctions.LocalStack.Tests.Postgres;

public sealed class PostgresClusterTests
{
    [Fact]
    public async Task Starts_answers_queries_applies_settings_and_stops_on_dispose()
    {
        var cluster = await PostgresCluster.StartAsync(new PostgresClusterOptions { Durability = true, SynchronousCommit = "off" });
        var port = cluster.Port;
        var dataDirectory = cluster.DataDirectory;
        try
        {
            await using var connection = new NpgsqlConnection(cluster.ConnectionString);
            await connection.OpenAsync();
            Assert.Equal(42, await ScalarAsync<int>(connection, "SELECT 40 + 2"));
            Assert.Equal(port.ToString(System.Globalization.CultureInfo.InvariantCulture), await ScalarAsync<string>(connection, "SHOW port"));
            Assert.Equal("on", await ScalarAsync<string>(connection, "SHOW fsync"));
            Assert.Equal("off", await ScalarAsync<string>(connection, "SHOW synchronous_commit"));
            Assert.Equal("200", await ScalarAsync<string>(connection, "SHOW max_connections"));
            Assert.Equal("128MB", await ScalarAsync<string>(connection, "SHOW shared_buffers"));
            Assert.Equal("UTF8", await ScalarAsync<string>(connection, "SHOW server_encoding"));
            Assert.Equal("postgres", await ScalarAsync<string>(connection, "SELECT current_user"));
            Assert.True(File.Exists(Path.Combine(cluster.BinDirectory, "pgbench")));

            // The unix socket lives in the cluster's own data folder.
            Assert.Equal(dataDirectory, await ScalarAsync<string>(connection, "SHOW unix_socket_directories"));
            var overSocket = new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Host = dataDirectory }.ConnectionString;
            await using var socketConnection = new NpgsqlConnection(overSocket);
            await socketConnection.OpenAsync();
            Assert.Equal(7, await ScalarAsync<int>(socketConnection, "SELECT 7"));
            Assert.True(Directory.Exists(dataDirectory));
        }
        finally
        {
            await cluster.DisposeAsync();
        }

        Assert.False(Accepts(port), "the port still accepts connections after dispose");
        Assert.False(Directory.Exists(dataDirectory), "the data folder survived dispose");
        await cluster.DisposeAsync(); // a second dispose is harmless
    }

    [Fact]
    public async Task Databases_of_one_cluster_are_isolated()
    {
        var first = await SharedPostgres.CreateDatabaseAsync("isolation");
        var second = await SharedPostgres.CreateDatabaseAsync("isolation");
        Assert.NotEqual(new NpgsqlConnectionStringBuilder(first).Database, new NpgsqlConnectionStringBuilder(second).Database);

        await using (var connection = new NpgsqlConnection(first))
        {
            await connection.OpenAsync();
            await ScalarAsync<int>(connection, "CREATE TABLE payments (id int primary key); INSERT INTO payments VALUES (1); SELECT count(*)::int FROM payments");
        }

        await using (var connection = new NpgsqlConnection(second))
        {
            await connection.OpenAsync();
            Assert.Equal(new NpgsqlConnectionStringBuilder(second).Database, await ScalarAsync<string>(connection, "SELECT current_database()"));
            Assert.Null(await ScalarAsync<string?>(connection, "SELECT to_regclass('payments')::text"));
        }

        await using (var connection = new NpgsqlConnection(first))
        {
            await connection.OpenAsync();
            Assert.Equal(1, await ScalarAsync<int>(connection, "SELECT count(*)::int FROM payments"));
        }
    }

    [Fact]
    public async Task Server_that_cannot_start_reports_its_log()
    {
        var options = new PostgresClusterOptions
        {
            Durability = false,
            Settings = new Dictionary<string, string> { ["shared_buffers"] = "not-a-size" },
        };

        var error = await Assert.ThrowsAsync<PostgresClusterException>(() => PostgresCluster.StartAsync(options));

        Assert.Contains("shared_buffers", error.Message, StringComparison.Ordinal);
        Assert.Contains("Server log", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Payments")]
    [InlineData("1payments")]
    [InlineData("pay-ments")]
    [InlineData("x\"; DROP DATABASE postgres; --")]
    public async Task Rejects_database_names_that_are_not_plain_identifiers(string name)
    {
        var connectionString = await SharedPostgres.GetServerConnectionStringAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => PostgresDatabases.CreateAsync(connectionString, name, comment: null, CancellationToken.None));
    }

    [Fact]
    public async Task Rejects_a_setting_that_would_inject_another_line()
    {
        var options = new PostgresClusterOptions { Settings = new Dictionary<string, string> { ["work_mem"] = "4MB\nfsync = 'off'" } };
        await Assert.ThrowsAsync<ArgumentException>(() => PostgresCluster.StartAsync(options));
    }

    [Fact]
    public async Task Rejects_an_unknown_synchronous_commit_level()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => PostgresCluster.StartAsync(new PostgresClusterOptions { SynchronousCommit = "sometimes" }));
    }

    internal static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull or null ? default! : (T)value;
    }

    private static bool Accepts(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(System.Net.IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
