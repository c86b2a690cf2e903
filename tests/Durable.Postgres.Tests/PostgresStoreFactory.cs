using System.Collections.Concurrent;
using Npgsql;
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

    /// <summary>The database's connection string, with a pool small enough for many stores at once.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>Short, so lease-expiry tests need not wait long.</summary>
    public static TimeSpan LockTimeout { get; } = TimeSpan.FromSeconds(5);

    public static string NewHubName() => $"test-{Guid.NewGuid():N}";

    public async Task InitializeAsync()
    {
        var connectionString = await SharedPostgres.CreateDatabaseAsync("durable");
        this.ConnectionString = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 10 }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        foreach (var store in this.created)
        {
            await store.DisposeAsync();
        }
    }

    public IOrchestrationStore Create(TimeProvider? time = null) => this.CreateStore(time);

    /// <summary>A store on a new hub (or the given one, to share work between stores), disposed with the fixture.</summary>
    public PostgresOrchestrationStore CreateStore(TimeProvider? time = null, string? hubName = null)
    {
        var store = new PostgresOrchestrationStore(
            new PostgresStoreOptions { ConnectionString = this.ConnectionString, HubName = hubName ?? NewHubName(), LockTimeout = LockTimeout },
            time);
        this.created.Add(store);
        return store;
    }
}
