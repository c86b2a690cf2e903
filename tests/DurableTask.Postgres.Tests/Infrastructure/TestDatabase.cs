using Npgsql;
using PaymentFunctions.LocalStack.Postgres;

namespace PaymentFunctions.DurableTask.Postgres.Tests.Infrastructure;

/// <summary>
/// One database for the whole run on the run's private PostgreSQL server (LocalStack's <see cref="SharedPostgres"/>),
/// with the schema applied once. Tests isolate themselves by hub name, which is what the provider promises.
/// </summary>
internal static class TestDatabase
{
    private static readonly Lazy<Task<string>> Created = new(CreateAsync);

    public static Task<string> ConnectionStringAsync() => Created.Value;

    public static string NewHubName(string hint) => $"{hint}-{Guid.NewGuid():N}";

    private static async Task<string> CreateAsync()
    {
        var connectionString = await SharedPostgres.CreateDatabaseAsync("durabletask");
        connectionString = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 30 }.ConnectionString;
        await using var service = new PostgresOrchestrationService(new() { ConnectionString = connectionString, TaskHubName = "schema" });
        await service.CreateIfNotExistsAsync();
        return connectionString;
    }
}
