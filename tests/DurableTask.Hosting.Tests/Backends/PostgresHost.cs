using PaymentFunctions.DurableTask.Hosting.Configuration;
using PaymentFunctions.LocalStack.Postgres;

namespace PaymentFunctions.DurableTask.Hosting.Tests.Backends;

/// <summary>The PostgreSQL provider on a database of its own in the tests' private cluster.</summary>
public sealed class PostgresHost : BackendHost
{
    public override string Type => StorageProviderOptions.Postgres;

    protected override async Task<IDictionary<string, string?>> StartStorageAsync()
        => new Dictionary<string, string?> { ["DurableStoreConnection"] = await SharedPostgres.CreateDatabaseAsync("conformance") };

    protected override ValueTask StopStorageAsync() => ValueTask.CompletedTask;
}
