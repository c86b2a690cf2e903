using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaymentFunctions.App.Hosting;
using PaymentFunctions.DurableTask.Hosting.Backends;
using PaymentFunctions.DurableTask.Hosting.Configuration;
using PaymentFunctions.DurableTask.Postgres;

namespace PaymentFunctions.App.Tests.Hosting;

public sealed class DurableTaskHostRegistrationTests(AppFactory app) : IClassFixture<AppFactory>
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
        var options = app.Services.GetRequiredService<IOptions<DurableTaskExtensionOptions>>().Value;
        var backend = app.Services.GetRequiredService<DurableTaskBackend>();

        Assert.Equal(4, options.MaxConcurrentOrchestratorFunctions);
        Assert.Equal(4, options.MaxConcurrentActivityFunctions);
        Assert.Equal(4, backend.Service.MaxConcurrentTaskOrchestrationWorkItems);
        Assert.Equal(4, backend.Service.MaxConcurrentTaskActivityWorkItems);
    }

    [Fact]
    public void The_backend_is_the_postgres_one_on_the_app_database_and_hub()
    {
        var backend = app.Services.GetRequiredService<DurableTaskBackend>();
        var settings = Assert.IsType<PostgresOrchestrationService>(backend.Service).Settings;

        Assert.Equal(StorageProviderOptions.Postgres, backend.Type);
        Assert.Equal(app.HubName, settings.TaskHubName);
        Assert.Equal(app.ConnectionString, settings.ConnectionString);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.WorkItemLockTimeout);
    }
}
