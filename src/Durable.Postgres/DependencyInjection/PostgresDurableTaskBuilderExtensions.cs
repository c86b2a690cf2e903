using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using PaymentFunctions.Durable.DependencyInjection;
using PaymentFunctions.Durable.Postgres;
using PaymentFunctions.Durable.Storage;

// Extensions live in the DI namespace, as Microsoft's own do, so they are found without extra usings.
#pragma warning disable IDE0130
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Chooses the PostgreSQL store for the durable engine.</summary>
public static class PostgresDurableTaskBuilderExtensions
{
    /// <summary>
    /// Keeps orchestration state in PostgreSQL, so it survives restarts and several app instances share the work.
    /// The schema is created on first use.
    /// </summary>
    public static IDurableTaskBuilder UsePostgres(this IDurableTaskBuilder builder, Action<PostgresStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.TryAddSingleton<IOrchestrationStore>(sp =>
        {
            var options = new PostgresStoreOptions();
            configure(options);
            return new PostgresOrchestrationStore(options, sp.GetService<TimeProvider>(), sp.GetService<ILoggerFactory>());
        });
        return builder;
    }
}
