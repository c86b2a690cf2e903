namespace PaymentFunctions.LocalStack.Postgres;

/// <summary>
/// The PostgreSQL server of a test run: one per test assembly, started on first use and
/// stopped when the process exits. Each test class asks for its own fresh database, so
/// classes running in parallel never see each other's rows. Set
/// <see cref="EnvironmentVariable"/> to a connection string to use an existing server instead;
/// the databases created there are dropped at exit.
/// </summary>
/// <example>
/// <code>
/// public sealed class StoreFixture : IAsyncLifetime
/// {
///     public string ConnectionString { get; private set; } = "";
///     public async Task InitializeAsync() => ConnectionString = await SharedPostgres.CreateDatabaseAsync(nameof(StoreFixture));
///     public Task DisposeAsync() => Task.CompletedTask;
/// }
/// </code>
/// </example>
public static class SharedPostgres
{
    /// <summary>Environment variable holding the connection string of an existing server to test against.</summary>
    public const string EnvironmentVariable = "PAYMENTFUNCTIONS_TEST_POSTGRES";

    /// <summary>Tests never need crash safety; without fsync the cluster is several times faster.</summary>
    internal static readonly PostgresClusterOptions ClusterOptions = new() { Durability = false };

    private static readonly SharedServer Server = CreateServer();

    /// <summary>Creates an empty database and returns its connection string.</summary>
    /// <param name="nameHint">Readable part of the database name (e.g. the test class); a unique suffix is added.</param>
    /// <param name="cancellationToken">Stops waiting; the shared server keeps starting for others.</param>
    public static Task<string> CreateDatabaseAsync(string? nameHint = null, CancellationToken cancellationToken = default) =>
        Server.CreateDatabaseAsync(nameHint, cancellationToken);

    /// <summary>
    /// The connection string of the shared server's maintenance database, for tests that need to
    /// act on the server itself (e.g. terminate sessions). Prefer <see cref="CreateDatabaseAsync"/> for data.
    /// </summary>
    public static async Task<string> GetServerConnectionStringAsync(CancellationToken cancellationToken = default) =>
        (await Server.GetLeaseAsync(cancellationToken).ConfigureAwait(false)).ConnectionString;

    private static SharedServer CreateServer()
    {
        var server = new SharedServer(() => Environment.GetEnvironmentVariable(EnvironmentVariable), ClusterOptions);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DropCreatedDatabasesAtExit();
        return server;
    }
}
