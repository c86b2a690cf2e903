using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PaymentFunctions.Durable.Client;
using PaymentFunctions.Durable.Storage;
using PaymentFunctions.Durable.Worker;

namespace PaymentFunctions.Durable.Benchmarks.Hosting;

/// <summary>
/// A worker and client wired as the app wires them (AddDurableTask + UsePostgres), with the hosted worker started
/// and stopped by the benchmark so that scheduling and processing can be timed apart.
/// </summary>
internal sealed class EngineHost : IAsyncDisposable
{
    private readonly ServiceProvider provider;
    private List<IHostedService>? running;

    public EngineHost(string connectionString, string hubName, int concurrency, Action<DurableTaskRegistry> registerTasks)
    {
        var services = new ServiceCollection().AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services
            .AddDurableTask(registerTasks, worker => Configure(worker, concurrency))
            .UsePostgres(store =>
            {
                store.ConnectionString = connectionString;
                store.HubName = hubName;
            });
        this.provider = services.BuildServiceProvider();
    }

    public DurableTaskClient Client => this.provider.GetRequiredService<DurableTaskClient>();

    public IOrchestrationStore Store => this.provider.GetRequiredService<IOrchestrationStore>();

    /// <summary>The worker settings every benchmark worker uses, in process or not.</summary>
    public static void Configure(DurableTaskWorkerOptions worker, int concurrency)
    {
        worker.MaxConcurrentOrchestratorFunctions = concurrency;
        worker.MaxConcurrentActivityFunctions = concurrency;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await this.Store.InitializeAsync(cancellationToken);
        this.running = [.. this.provider.GetServices<IHostedService>()];
        foreach (var service in this.running)
        {
            await service.StartAsync(cancellationToken);
        }
    }

    public async Task StopAsync()
    {
        if (this.running is { } services)
        {
            this.running = null;
            foreach (var service in services)
            {
                await service.StopAsync(CancellationToken.None);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await this.StopAsync();
        await this.provider.DisposeAsync();
    }
}
