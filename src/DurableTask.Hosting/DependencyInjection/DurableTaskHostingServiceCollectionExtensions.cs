using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaymentFunctions.DurableTask.Hosting.Backends;
using PaymentFunctions.DurableTask.Hosting.Client;
using PaymentFunctions.DurableTask.Hosting.Configuration;
using PaymentFunctions.DurableTask.Hosting.Worker;

// Extensions live in the DI namespace, as Microsoft's own do, so they are found without extra usings.
#pragma warning disable IDE0130
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Runs Durable Task orchestrations in a generic host the way the Durable Functions extension does.</summary>
public static class DurableTaskHostingServiceCollectionExtensions
{
    /// <summary>
    /// Adds DTFx's worker (a hosted service) with the tasks of <paramref name="registerTasks"/>, and a
    /// <see cref="DurableTaskClient"/>, on the backend that <c>extensions.durableTask.storageProvider.type</c> in
    /// host.json names. A wrong backend setting stops the host at start-up with a message naming the setting.
    /// </summary>
    public static IServiceCollection AddDurableTaskHost(
        this IServiceCollection services, IConfiguration configuration, Action<DurableTaskRegistry> registerTasks)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(registerTasks);
        var registry = new DurableTaskRegistry();
        registerTasks(registry);
        services.AddSingleton(registry);
        services.AddOptions<DurableTaskExtensionOptions>().Bind(configuration.GetSection(DurableTaskExtensionOptions.SectionPath));
        // camelCase JSON for inputs, outputs, events and custom status, as the Durable Functions isolated worker writes
        // them; an app that configures another converter afterwards wins.
        services.AddOptions<DurableTaskWorkerOptions>().Configure(o => o.DataConverter = new JsonDataConverter(new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<DurableTaskWorkerOptions>>().Value.DataConverter);
        services.TryAddSingleton(sp => CreateBackend(
            sp.GetRequiredService<IOptions<DurableTaskExtensionOptions>>().Value, configuration, sp.GetRequiredService<ILoggerFactory>()));
        services.TryAddSingleton<DurableTaskClient>(sp => new TaskHubDurableTaskClient(
            sp.GetRequiredService<DurableTaskBackend>(), sp.GetRequiredService<DataConverter>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<TaskHubWorkerService>();
        services.AddHostedService(sp => sp.GetRequiredService<TaskHubWorkerService>());
        return services;
    }

    private static DurableTaskBackend CreateBackend(DurableTaskExtensionOptions options, IConfiguration configuration, ILoggerFactory loggerFactory)
    {
        var provider = options.StorageProvider;
        if (string.Equals(provider.Type, StorageProviderOptions.Postgres, StringComparison.OrdinalIgnoreCase))
        {
            return PostgresBackend.Create(options, ConnectionString(provider, configuration), loggerFactory);
        }

        if (string.Equals(provider.Type, StorageProviderOptions.AzureStorage, StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return AzureStorageBackend.Create(options, ConnectionString(provider, configuration), loggerFactory);
            }
            catch (FormatException ex)
            {
                // E.g. a host.json still naming the PostgreSQL setting: without this the host dies on the SDK's own message.
                throw new InvalidOperationException(
                    $"extensions.durableTask.storageProvider.connectionStringName: the app setting '{provider.EffectiveConnectionStringName}' is not an Azure Storage connection string ({ex.Message}).", ex);
            }
        }

        throw new InvalidOperationException(
            $"extensions.durableTask.storageProvider.type: '{provider.Type}' is not a storage provider here; use '{StorageProviderOptions.Postgres}' or '{StorageProviderOptions.AzureStorage}'.");
    }

    private static string ConnectionString(StorageProviderOptions provider, IConfiguration configuration)
    {
        var name = provider.EffectiveConnectionStringName;
        return configuration[name] is { Length: > 0 } value ? value
            : configuration.GetConnectionString(name) is { Length: > 0 } connectionString ? connectionString
            : throw new InvalidOperationException(
                $"extensions.durableTask.storageProvider.connectionStringName: the app setting '{name}' holds no connection string.");
    }
}
