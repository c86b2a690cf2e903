using System.Collections.Concurrent;
using Npgsql;
using PaymentFunctions.Ethereum.JsonRpc;
using PaymentFunctions.Ethereum.TransactionManagement;
using PaymentFunctions.LocalStack.Chain;
using PaymentFunctions.LocalStack.Postgres;

namespace PaymentFunctions.Ethereum.Tests.TransactionManagement;

/// <summary>
/// One automining anvil and one fresh database per test class. Each manager created here gets its own
/// connection pool, as a separate process would.
/// </summary>
public sealed class ChainAndDatabaseFixture : IAsyncLifetime
{
    private readonly ConcurrentBag<IAsyncDisposable> _owned = [];
    private AnvilNode? _node;
    private string? _connectionString;

    public AnvilNode Node => _node ?? throw new InvalidOperationException("anvil is not started.");

    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("The database is not created.");

    /// <summary>Fast polling, and no replacement unless a test asks for it.</summary>
    public static TransactionManagerOptions FastOptions { get; } = new()
    {
        PollInterval = TimeSpan.FromMilliseconds(50),
        ReplacementTimeout = TimeSpan.FromMinutes(5),
    };

    public async Task InitializeAsync()
    {
        var start = AnvilNode.StartAsync();
        _connectionString = await SharedPostgres.CreateDatabaseAsync("txmanager");
        _node = await start;
    }

    internal TransactionManager CreateManager(TransactionManagerOptions? options = null, TransactionManagerHooks? hooks = null, EthereumRpcClient? rpc = null, TimeProvider? time = null, RecordingLogger? logger = null)
    {
        var dataSource = new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(ConnectionString) { MaxPoolSize = 20 }.ConnectionString).Build();
        _owned.Add(dataSource);
        return new TransactionManager(rpc ?? Node.Rpc, dataSource, options ?? FastOptions, logger, time) { Hooks = hooks ?? new TransactionManagerHooks() };
    }

    /// <summary>Runs a query against the test database, for assertions on stored rows.</summary>
    public async Task<object?> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteScalarAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }

        if (_node is not null)
        {
            await _node.DisposeAsync();
        }
    }
}
