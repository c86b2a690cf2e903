using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PaymentFunctions.Durable.Client;
using PaymentFunctions.Durable.Storage;
using PaymentFunctions.Durable.Worker;

namespace PaymentFunctions.Durable.Tests.Engine;

/// <summary>A worker and a client on one store, started for a test and stopped when it ends.</summary>
public sealed class TestHost : IAsyncDisposable
{
    private readonly ServiceProvider provider;
    private readonly IHostedService[] hostedServices;

    private TestHost(ServiceProvider provider)
    {
        this.provider = provider;
        this.hostedServices = [.. provider.GetServices<IHostedService>()];
        this.Client = provider.GetRequiredService<DurableTaskClient>();
        this.Store = provider.GetRequiredService<IOrchestrationStore>();
    }

    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(60);

    public DurableTaskClient Client { get; }

    public IOrchestrationStore Store { get; }

    public IServiceProvider Services => this.provider;

    public static async Task<TestHost> StartAsync(
        IStoreFactory stores,
        Action<DurableTaskRegistry> register,
        Action<IServiceCollection>? configureServices = null,
        Action<DurableTaskWorkerOptions>? configureWorker = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        configureServices?.Invoke(services);
        services.AddSingleton(stores.Create());
        services.AddDurableTask(register, options =>
        {
            options.MinPollingInterval = TimeSpan.FromMilliseconds(10);
            options.MaxPollingInterval = TimeSpan.FromMilliseconds(250);
            options.LockRenewalInterval = TimeSpan.FromSeconds(1);
            configureWorker?.Invoke(options);
        });
        var host = new TestHost(services.BuildServiceProvider());
        foreach (var service in host.hostedServices)
        {
            await service.StartAsync(CancellationToken.None);
        }

        return host;
    }

    /// <summary>Starts an orchestration and waits for it to finish.</summary>
    public async Task<OrchestrationMetadata> RunAsync(string name, object? input = null, StartOrchestrationOptions? options = null)
    {
        var instanceId = await this.Client.ScheduleNewOrchestrationInstanceAsync(name, input, options);
        return await this.WaitAsync(instanceId);
    }

    /// <summary>Waits for an instance to finish, failing the test after <see cref="DefaultTimeout"/>.</summary>
    public async Task<OrchestrationMetadata> WaitAsync(string instanceId)
    {
        using var timeout = new CancellationTokenSource(DefaultTimeout);
        return await this.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
    }

    /// <summary>Waits until the instance's status satisfies the condition.</summary>
    public async Task<OrchestrationMetadata> WaitUntilAsync(string instanceId, Func<OrchestrationMetadata, bool> condition)
    {
        using var timeout = new CancellationTokenSource(DefaultTimeout);
        while (true)
        {
            var metadata = await this.Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
            if (metadata is not null && condition(metadata))
            {
                return metadata;
            }

            await Task.Delay(10, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in this.hostedServices.Reverse())
        {
            await service.StopAsync(CancellationToken.None);
        }

        if (this.Store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        await this.provider.DisposeAsync();
    }
}
