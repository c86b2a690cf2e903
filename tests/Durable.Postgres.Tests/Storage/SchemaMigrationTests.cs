using Npgsql;
using PaymentFunctions.Durable.Postgres.Schema;
using PaymentFunctions.LocalStack.Postgres;

namespace PaymentFunctions.Durable.Postgres.Tests.Storage;

public sealed class SchemaMigrationTests
{
    [Fact]
    public async Task Four_stores_initializing_at_once_apply_each_script_exactly_once()
    {
        var connectionString = await SharedPostgres.CreateDatabaseAsync("schema");
        var stores = Enumerable.Range(0, 4)
            .Select(i => new PostgresOrchestrationStore(new PostgresStoreOptions { ConnectionString = connectionString, HubName = $"hub{i}" }))
            .ToList();
        try
        {
            await Task.WhenAll(stores.Select(s => Task.Run(() => s.InitializeAsync())));

            var versions = await ReadVersionsAsync(connectionString);
            Assert.Equal(SchemaMigrator.Scripts.Select(s => s.Version), versions);
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Migrating_again_applies_nothing_and_keeps_the_data()
    {
        var connectionString = await SharedPostgres.CreateDatabaseAsync("schema");
        await using (var store = new PostgresOrchestrationStore(new PostgresStoreOptions { ConnectionString = connectionString, HubName = "h" }))
        {
            await store.InitializeAsync();
            await store.CreateInstanceAsync(StoreScenario.StartMessage("kept"), []);
        }

        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var applied = await SchemaMigrator.MigrateAsync(dataSource, CancellationToken.None);
        Assert.Empty(applied);
        Assert.Equal(SchemaMigrator.Scripts.Select(s => s.Version), await ReadVersionsAsync(connectionString));

        await using var again = new PostgresOrchestrationStore(new PostgresStoreOptions { ConnectionString = connectionString, HubName = "h" });
        await again.InitializeAsync();
        Assert.NotNull(await again.GetInstanceAsync("kept", includePayloads: false));
    }

    [Fact]
    public void Embedded_scripts_are_found_in_version_order()
    {
        Assert.NotEmpty(SchemaMigrator.Scripts);
        Assert.Equal(1, SchemaMigrator.Scripts[0].Version);
        Assert.Equal(SchemaMigrator.Scripts.Select(s => s.Version).Order(), SchemaMigrator.Scripts.Select(s => s.Version));
    }

    private static async Task<List<int>> ReadVersionsAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("SELECT version FROM durable.schema_versions ORDER BY version");
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new List<int>();
        while (await reader.ReadAsync())
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }
}
