using Microsoft.Extensions.DependencyInjection;
using PaymentFunctions.Durable.Worker;

namespace PaymentFunctions.Durable.Tests.Engine;

/// <summary>Base of the engine suite: each test starts its own host on a fresh store from the factory.</summary>
public abstract class EngineTests(IStoreFactory stores)
{
    protected IStoreFactory Stores { get; } = stores;

    protected Task<TestHost> StartAsync(
        Action<DurableTaskRegistry> register,
        Action<IServiceCollection>? configureServices = null,
        Action<DurableTaskWorkerOptions>? configureWorker = null)
        => TestHost.StartAsync(this.Stores, register, configureServices, configureWorker);
}
