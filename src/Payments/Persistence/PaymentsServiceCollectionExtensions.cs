using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PaymentFunctions.Payments.Persistence;

/// <summary>Registers the payments database for the host and the activities.</summary>
public static class PaymentsServiceCollectionExtensions
{
    /// <summary>
    /// Adds a pooled <see cref="IDbContextFactory{PaymentsDbContext}"/>, the <see cref="PaymentStore"/> singleton and
    /// <see cref="TimeProvider.System"/> (unless a clock is registered already). Run
    /// <see cref="PaymentsDatabase.MigrateAsync(string, CancellationToken)"/> at start-up to create or upgrade the schema.
    /// </summary>
    public static IServiceCollection AddPaymentsDatabase(this IServiceCollection services, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        services.AddPooledDbContextFactory<PaymentsDbContext>(options => PaymentsDbContext.Configure(options, connectionString));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PaymentStore>();
        return services;
    }
}
