using Microsoft.Extensions.DependencyInjection;
using PaymentFunctions.Durable.Storage;

namespace PaymentFunctions.Durable.Postgres.Tests.Storage;

public sealed class UsePostgresTests(PostgresStoreFactory stores) : IClassFixture<PostgresStoreFactory>
{
    [Fact]
    public async Task UsePostgres_registers_one_store_on_the_configured_hub()
    {
        var hub = PostgresStoreFactory.NewHubName();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDurableTask(_ => { }).UsePostgres(o =>
        {
            o.ConnectionString = stores.ConnectionString;
            o.HubName = hub;
        });
        await using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<IOrchestrationStore>();
        Assert.IsType<PostgresOrchestrationStore>(store);
        Assert.Same(store, provider.GetRequiredService<IOrchestrationStore>());

        await store.CreateInstanceAsync(StoreScenario.StartMessage("registered"), []);
        var sameHub = stores.CreateStore(hubName: hub);
        Assert.NotNull(await sameHub.GetInstanceAsync("registered", false));
    }
}
