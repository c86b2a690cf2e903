using System.Globalization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PaymentFunctions.DurableTask.Hosting.Backends;
using PaymentFunctions.DurableTask.Hosting.Configuration;

namespace PaymentFunctions.Benchmarks.Durable.Hosting;

/// <summary>
/// A worker and client wired as the app wires them (AddDurableTaskHost on the postgres backend, configured as
/// host.json would), with the hosted worker started and stopped by the benchmark so that scheduling and processing
/// can be timed apart.
/// </summary>
internal sealed class EngineHost : IAsyncDisposable
{
    private const string ConnectionSetting = "BenchmarkStore";

    private readonly ServiceProvider provider;
    private List<IHostedService>? running;

    public EngineHost(string connectionString, string hubName, int concurrency, Action<DurableTaskRegistry> registerTasks)
        : this(StorageProviderOptions.Postgres, connectionString, hubName, concurrency, registerTasks)
    {
    }

    /// <summary>A host on the backend <paramref name="type"/> names (<c>storageProvider.type</c>).</summary>
    public EngineHost(string type, string connectionString, string hubName, int concurrency, Action<DurableTaskRegistry> registerTasks)
    {
        var section = DurableTaskExtensionOptions.SectionPath;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{section}:hubName"] = hubName,
            [$"{section}:maxConcurrentOrchestratorFunctions"] = concurrency.ToString(CultureInfo.InvariantCulture),
            [$"{section}:maxConcurrentActivityFunctions"] = concurrency.ToString(CultureInfo.InvariantCulture),
            [$"{section}:storageProvider:type"] = type,
            [$"{section}:storageProvider:connectionStringName"] = ConnectionSetting,
            [ConnectionSetting] = connectionString,
        }).Build();
        var services = new ServiceCollection().AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddDurableTaskHost(configuration, registerTasks);
        this.provider = services.BuildServiceProvider();
    }

    public DurableTaskClient Client => this.provider.GetRequiredService<DurableTaskClient>();

    /// <summary>Creates the hub's tables when missing, without starting the worker.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken)
        => this.provider.GetRequiredService<DurableTaskBackend>().EnsureCreatedAsync(cancellationToken);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
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
