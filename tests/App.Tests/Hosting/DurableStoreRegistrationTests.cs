using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaymentFunctions.App.Hosting;
using PaymentFunctions.Durable.Storage;
using PaymentFunctions.Durable.Worker;

namespace PaymentFunctions.App.Tests.Hosting;

public sealed class DurableStoreRegistrationTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public void Runs_on_the_configured_database_with_the_hub_from_host_json()
    {
        var database = app.Services.GetRequiredService<AppDatabase>();

        Assert.Equal(app.HubName, database.HubName);
        Assert.Equal(app.ConnectionString, database.ConnectionString);
        Assert.DoesNotContain("Password", database.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Binds_worker_concurrency_from_host_json()
    {
        var options = app.Services.GetRequiredService<IOptions<DurableTaskWorkerOptions>>().Value;

        Assert.Equal(4, options.MaxConcurrentOrchestratorFunctions);
        Assert.Equal(4, options.MaxConcurrentActivityFunctions);
    }

    [Fact]
    public void The_store_is_the_postgres_one()
    {
        Assert.NotNull(app.Services.GetRequiredService<PaymentFunctions.Durable.Postgres.PostgresOrchestrationStore>());
        Assert.IsNotType<PaymentFunctions.Durable.Storage.InMemory.InMemoryOrchestrationStore>(app.Services.GetRequiredService<IOrchestrationStore>());
    }
}
