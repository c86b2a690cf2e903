using System.Collections.Concurrent;
using Npgsql;
using PaymentFunctions.Durable.Client;
using PaymentFunctions.Durable.History;
using PaymentFunctions.Durable.Storage;
using PaymentFunctions.Durable.Tests.Engine;
using PaymentFunctions.LocalStack.Postgres;

namespace PaymentFunctions.Durable.Postgres.Tests;

/// <summary>
/// One fresh database per test class on the run's private PostgreSQL server; every store it creates works on a
/// new hub, so tests sharing the database never see each other's instances.
/// </summary>
public sealed class PostgresStoreFactory : IStoreFactory, IAsyncLifetime
{
    private readonly ConcurrentBag<PostgresOrchestrationStore> created = [];
    private NpgsqlDataSource? dataSource;

    /// <summary>The database's connection string, with a pool small enough for many stores at once.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>Short, so lease-expiry tests need not wait long.</summary>
    public static TimeSpan LockTimeout { get; } = TimeSpan.FromSeconds(5);

    public static string NewHubName() => $"test-{Guid.NewGuid():N}";

    public async Task InitializeAsync()
    {
        var connectionString = await SharedPostgres.CreateDatabaseAsync("durable");
        this.ConnectionString = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 20 }.ConnectionString;

        // The stores share one warm pool with the schema in place, so a test's first steps pay for no connections.
        this.dataSource = PostgresOrchestrationStore.CreateDataSource(this.ConnectionString);
        await using var warmUp = new PostgresOrchestrationStore(new PostgresStoreOptions { ConnectionString = this.ConnectionString, HubName = "warm-up" }, this.dataSource);
        await WarmUpAsync(warmUp);
        await EngineWarmUp(this).Value;
        var connections = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => this.dataSource.OpenConnectionAsync().AsTask()));
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var store in this.created)
        {
            await store.DisposeAsync();
        }

        if (this.dataSource is not null)
        {
            await this.dataSource.DisposeAsync();
        }
    }

    /// <summary>
    /// Runs one instance through every kind of statement, so the first engine test of a class does not pay for
    /// compiling the store's code paths (engine tests have timing-sensitive retry windows).
    /// </summary>
    private static async Task WarmUpAsync(PostgresOrchestrationStore store)
    {
        // The first exception a process throws is slow (resource strings, stack trace machinery); retry tests
        // with a 250 ms window must not pay for it inside their window.
        try
        {
            throw new TimeoutException();
        }
        catch (TimeoutException ex)
        {
            _ = TaskFailureDetails.FromException(ex).ToString();
        }

        var now = DateTimeOffset.UtcNow;
        var started = new ExecutionStartedEvent(now, "WarmUp", null, null, "warm-up");
        await store.CreateInstanceAsync(new OrchestrationMessage("warm-up", started), []);
        var item = (await store.LockOrchestrationWorkItemsAsync(1)).Single();
        var scheduled = new TaskScheduledEvent(0, now, "WarmUp", null, null, 0);
        var timer = new OrchestrationMessage("warm-up", new TimerFiredEvent(now, 1, now), now, "warm-up");
        await store.CompleteOrchestrationWorkItemAsync(item, new([new OrchestratorStartedEvent(now), started, scheduled], false, item.State! with { Status = OrchestrationRuntimeStatus.Running }, [new("warm-up", "warm-up", 0, scheduled)], [timer]));
        var task = (await store.LockActivityWorkItemsAsync(1)).Single();
        await store.CompleteActivityWorkItemAsync(task, new TaskCompletedEvent(now, 0, null));
        item = (await store.LockOrchestrationWorkItemsAsync(1)).Single();
        var done = item.State! with { Status = OrchestrationRuntimeStatus.Completed };
        await store.CompleteOrchestrationWorkItemAsync(item, new([new ExecutionCompletedEvent(now, OrchestrationRuntimeStatus.Completed, null)], false, done, [], []));
        await store.WaitForWorkAsync(WorkItemKind.Orchestration, TimeSpan.Zero);
        await store.PurgeInstanceAsync("warm-up");
    }

    private static Lazy<Task>? engineWarmUp;

    /// <summary>Once per process: runs the engine over this store, so its code is compiled before any test's clock runs.</summary>
    private static Lazy<Task> EngineWarmUp(PostgresStoreFactory factory)
    {
        Interlocked.CompareExchange(ref engineWarmUp, new Lazy<Task>(() => RunEngineWarmUpAsync(factory)), null);
        return engineWarmUp;
    }

    private static async Task RunEngineWarmUpAsync(PostgresStoreFactory factory)
    {
        var retry = TaskOptions.FromRetryPolicy(new RetryPolicy(2, TimeSpan.FromMilliseconds(1)));
        await using var host = await TestHost.StartAsync(factory, r => r
            .AddOrchestratorFunc<int, int>("WarmUp", async (context, input) =>
            {
                var value = await context.CallActivityAsync<int>("WarmUpAdd", input);
                try
                {
                    await context.CallActivityAsync<int>("WarmUpFail", value, retry);
                }
                catch (TaskFailedException)
                {
                }

                await context.CreateTimer(TimeSpan.FromMilliseconds(1), CancellationToken.None);
                return value;
            })
            .AddActivityFunc<int, int>("WarmUpAdd", (_, x) => x + 1)
            .AddActivityFunc<int, int>("WarmUpFail", (_, x) => x > 0 ? throw new TimeoutException() : x));
        await host.RunAsync("WarmUp", 1);
    }

    public IOrchestrationStore Create(TimeProvider? time = null) => this.CreateStore(time);

    /// <summary>A store on a new hub (or the given one, to share work between stores), disposed with the fixture.</summary>
    public PostgresOrchestrationStore CreateStore(TimeProvider? time = null, string? hubName = null)
    {
        var store = new PostgresOrchestrationStore(
            new PostgresStoreOptions { ConnectionString = this.ConnectionString, HubName = hubName ?? NewHubName(), LockTimeout = LockTimeout },
            this.dataSource,
            time);
        this.created.Add(store);
        return store;
    }
}
