using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using PaymentFunctions.Durable.Client;
using PaymentFunctions.Durable.Storage;
using PaymentFunctions.Durable.Worker;

namespace PaymentFunctions.Durable.Postgres.Tests.Workers;

/// <summary>
/// One worker "host" in the test process: its own service provider, PostgreSQL store and connection pool, as a
/// separate app instance would have. Built as the app builds it (AddDurableTask + UsePostgres), with the hosted
/// services started and stopped by hand instead of by a generic host.
/// </summary>
internal sealed class WorkerHost : IAsyncDisposable
{
    private readonly ServiceProvider provider;
    private List<IHostedService>? running;

    public WorkerHost(
        string connectionString,
        string hubName,
        Action<DurableTaskRegistry> registerTasks,
        Action<DurableTaskWorkerOptions>? configureWorker = null,
        TimeSpan? lockTimeout = null,
        Func<IOrchestrationStore, IOrchestrationStore>? decorateStore = null)
    {
        // Several hosts share the test server with other test classes: keep each pool small.
        var pooled = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 24 }.ConnectionString;
        var services = new ServiceCollection().AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services
            .AddDurableTask(registerTasks, configureWorker)
            .UsePostgres(options =>
            {
                options.ConnectionString = pooled;
                options.HubName = hubName;
                if (lockTimeout is { } timeout)
                {
                    options.LockTimeout = timeout;
                }
            });
        if (decorateStore is not null)
        {
            Decorate(services, decorateStore);
        }

        this.provider = services.BuildServiceProvider();
    }

    public DurableTaskClient Client => this.provider.GetRequiredService<DurableTaskClient>();

    public IOrchestrationStore Store => this.provider.GetRequiredService<IOrchestrationStore>();

    public async Task StartAsync(CancellationToken cancellationToken = default)
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

    /// <summary>Wraps whatever store UsePostgres registered, however it registered it.</summary>
    private static void Decorate(IServiceCollection services, Func<IOrchestrationStore, IOrchestrationStore> decorate)
    {
        var original = services.Last(d => d.ServiceType == typeof(IOrchestrationStore));
        services.Remove(original);
        services.AddSingleton(sp => decorate(original switch
        {
            { ImplementationInstance: IOrchestrationStore instance } => instance,
            { ImplementationFactory: { } factory } => (IOrchestrationStore)factory(sp),
            { ImplementationType: { } type } => (IOrchestrationStore)ActivatorUtilities.CreateInstance(sp, type),
            _ => throw new InvalidOperationException("The store registration has an unexpected shape."),
        }));
    }
}
