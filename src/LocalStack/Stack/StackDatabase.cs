using PaymentFunctions.LocalStack.Postgres;

namespace PaymentFunctions.LocalStack.Stack;

/// <summary>The stack's database and, when the stack started one, the private cluster holding it.</summary>
internal sealed class StackDatabase : IAsyncDisposable
{
    private const string DatabaseName = "payments";

    // The app opens several pools on this database (payments, chain, durable store); bounded pools queue under a
    // burst instead of exhausting the server's max_connections, which a shared test server splits among stacks.
    private const int MaxPoolSize = 25;

    private StackDatabase(string connectionString, PostgresCluster? cluster)
    {
        connectionString = new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = MaxPoolSize }.ConnectionString;
        ConnectionString = connectionString;
        Cluster = cluster;
    }

    public string ConnectionString { get; }

    public PostgresCluster? Cluster { get; }

    /// <summary>
    /// A fresh database on the shared test server, or (with a data folder or a fixed port) a private cluster of
    /// the stack's own that lives exactly as long as the stack.
    /// </summary>
    public static async Task<StackDatabase> CreateAsync(LocalPaymentStackOptions options, CancellationToken cancellationToken)
    {
        if (options.DataDirectory is null && options.PostgresPort == 0)
        {
            return new StackDatabase(await SharedPostgres.CreateDatabaseAsync("payment_stack", cancellationToken).ConfigureAwait(false), null);
        }

        string? baseDirectory = options.DataDirectory is { } folder ? Path.Combine(folder, "postgres") : null;
        if (baseDirectory is not null)
        {
            Directory.CreateDirectory(baseDirectory);
        }

        var cluster = await PostgresCluster.StartAsync(
            new PostgresClusterOptions { BaseDirectory = baseDirectory, Port = options.PostgresPort == 0 ? null : options.PostgresPort },
            cancellationToken).ConfigureAwait(false);
        try
        {
            return new StackDatabase(await cluster.CreateDatabaseAsync(DatabaseName, cancellationToken).ConfigureAwait(false), cluster);
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops the private cluster; a shared server's database is dropped when the test process exits.</summary>
    public ValueTask DisposeAsync() => Cluster?.DisposeAsync() ?? ValueTask.CompletedTask;
}
