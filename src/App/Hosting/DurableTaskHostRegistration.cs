using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PaymentFunctions.App.Operations;
using PaymentFunctions.DurableTask.Hosting.Configuration;
using PaymentFunctions.DurableTask.Hosting.Worker;
using PaymentFunctions.LocalStack.Postgres;

namespace PaymentFunctions.App.Hosting;

/// <summary>Runs the Durable Task worker and client in the host, configured from <c>host.json</c> and the app settings.</summary>
public static class DurableTaskHostRegistration
{
    /// <summary>
    /// Acquires the host's PostgreSQL database from the setting that <c>extensions:durableTask:storageProvider:connectionStringName</c>
    /// names (<c>DurableStoreConnection</c> by default); when that setting is empty a private PostgreSQL cluster is
    /// started and its connection string is written into that setting, so the host runs with no set-up at all. Then
    /// adds the worker with the tasks of <paramref name="registerTasks"/> and the client on the backend that
    /// <c>storageProvider:type</c> names (<c>postgres</c> by default).
    /// </summary>
    public static async Task<WebApplicationBuilder> AddDurableTaskHostAsync(
        this WebApplicationBuilder builder,
        Action<DurableTaskRegistry> registerTasks,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(registerTasks);
        var configuration = builder.Configuration;
        var section = configuration.GetSection(DurableTaskExtensionOptions.SectionPath);
        var options = section.Get<DurableTaskExtensionOptions>() ?? new();
        var hubName = FunctionsHost.ResolveSettingReference(configuration, options.HubName);
        section[nameof(DurableTaskExtensionOptions.HubName)] = hubName;

        // The app's own tables (timer leases) live in PostgreSQL whichever backend keeps the task hub.
        var settingName = IsPostgres(options.StorageProvider) ? options.StorageProvider.EffectiveConnectionStringName : PostgresSettingName;
        var connectionString = configuration[settingName] is { Length: > 0 } value ? value : configuration.GetConnectionString(settingName);
        var lease = await PostgresConnection.AcquireAsync(connectionString, cancellationToken: cancellationToken);

        // Written back before the backend is built, so the worker, the client and payments use the same database.
        configuration[settingName] = lease.ConnectionString;

        var services = builder.Services;

        // A factory registration, so the container disposes the database (and a private cluster) at shutdown.
        services.AddSingleton(_ => new AppDatabase(lease, hubName));
        services.AddSingleton<PaymentFunctionsTelemetry>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IDispatchMiddleware, DurableTaskTelemetry>();
        services.AddHostedService<StartupReport>();
        if (IsPostgres(options.StorageProvider))
        {
            // The gauge reads the PostgreSQL provider's queue tables; on Azure Storage there are none to read.
            services.AddHostedService<QueueDepthSampler>();
        }

        services.AddDurableTaskHost(configuration, registerTasks);
        return builder;
    }

    private const string PostgresSettingName = "DurableStoreConnection";

    private static bool IsPostgres(StorageProviderOptions provider) =>
        string.Equals(provider.Type, StorageProviderOptions.Postgres, StringComparison.OrdinalIgnoreCase);
}
