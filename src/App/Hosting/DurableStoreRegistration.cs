using PaymentFunctions.App.Operations;
using PaymentFunctions.Durable.Postgres;
using PaymentFunctions.Durable.Storage;
using PaymentFunctions.Durable.Worker;
using PaymentFunctions.LocalStack.Postgres;

namespace PaymentFunctions.App.Hosting;

/// <summary>Runs the durable engine on PostgreSQL, configured from <c>host.json</c> and the app settings.</summary>
public static class DurableStoreRegistration
{
    /// <summary>
    /// Registers the engine with the tasks of <paramref name="registerTasks"/> on the database named by
    /// <c>extensions:durableTask:storageProvider:connectionStringName</c>; when that setting is empty a private
    /// PostgreSQL cluster is started, so the host runs with no set-up at all.
    /// </summary>
    public static async Task<WebApplicationBuilder> AddDurableStoreAsync(
        this WebApplicationBuilder builder,
        Action<DurableTaskRegistry> registerTasks,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(registerTasks);
        var configuration = builder.Configuration;
        var hostOptions = configuration.GetSection(DurableTaskHostOptions.SectionPath).Get<DurableTaskHostOptions>() ?? new();
        var hubName = FunctionsHost.ResolveSettingReference(configuration, hostOptions.HubName);
        var settingName = hostOptions.StorageProvider.ConnectionStringName;
        var connectionString = configuration[settingName] is { Length: > 0 } value ? value : configuration.GetConnectionString(settingName);

        var lease = await PostgresConnection.AcquireAsync(connectionString, cancellationToken: cancellationToken);
        var services = builder.Services;

        // A factory registration, so the container disposes the database (and a private cluster) at shutdown.
        services.AddSingleton(_ => new AppDatabase(lease, hubName));
        services.AddSingleton(sp => new PostgresOrchestrationStore(
            new PostgresStoreOptions
            {
                ConnectionString = sp.GetRequiredService<AppDatabase>().ConnectionString,
                HubName = hubName,
                LockTimeout = hostOptions.StorageProvider.LockTimeout,
            },
            sp.GetService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()));
        services.AddSingleton<IOrchestrationStore>(sp => new InstrumentedOrchestrationStore(
            sp.GetRequiredService<PostgresOrchestrationStore>(), sp.GetRequiredService<PaymentFunctionsTelemetry>(), sp.GetService<TimeProvider>()));
        services.AddSingleton<PaymentFunctionsTelemetry>();
        services.AddHostedService<StartupReport>();
        services.AddDurableTask(registerTasks);
        services.Configure<DurableTaskWorkerOptions>(configuration.GetSection(DurableTaskHostOptions.SectionPath));
        return builder;
    }
}
