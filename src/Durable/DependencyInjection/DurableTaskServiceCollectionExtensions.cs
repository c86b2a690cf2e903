using PaymentFunctions.Durable;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PaymentFunctions.Durable.Client;
using PaymentFunctions.Durable.DependencyInjection;
using PaymentFunctions.Durable.Storage;
using PaymentFunctions.Durable.Storage.InMemory;
using PaymentFunctions.Durable.Worker;

// Extensions live in the DI namespace, as Microsoft's own do, so they are found without extra usings.
#pragma warning disable IDE0130
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers the durable engine: orchestrators, activities, the worker and the client.</summary>
public static class DurableTaskServiceCollectionExtensions
{
    /// <summary>
    /// Adds the worker (a hosted service) and <see cref="DurableTaskClient"/> with the tasks registered by
    /// <paramref name="registerTasks"/>. Choose a store with <see cref="UseInMemoryStore"/> or the PostgreSQL one.
    /// </summary>
    public static IDurableTaskBuilder AddDurableTask(
        this IServiceCollection services,
        Action<DurableTaskRegistry> registerTasks,
        Action<DurableTaskWorkerOptions>? configureWorker = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(registerTasks);
        var registry = new DurableTaskRegistry();
        registerTasks(registry);
        services.AddSingleton(registry);
        services.AddOptions<DurableTaskWorkerOptions>();
        if (configureWorker is not null)
        {
            services.Configure(configureWorker);
        }

        services.TryAddSingleton<DataConverter>(JsonDataConverter.Default);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new DurableTaskClient(sp.GetRequiredService<IOrchestrationStore>(), sp.GetRequiredService<DataConverter>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<DurableTaskWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<DurableTaskWorker>());
        return new DurableTaskBuilder(services);
    }

    /// <summary>Keeps orchestration state in process memory: for tests and samples only.</summary>
    public static IDurableTaskBuilder UseInMemoryStore(this IDurableTaskBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<IOrchestrationStore>(sp => new InMemoryOrchestrationStore(sp.GetRequiredService<TimeProvider>()));
        return builder;
    }
}
