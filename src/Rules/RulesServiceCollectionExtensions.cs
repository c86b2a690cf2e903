using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PaymentFunctions.Rules.Audit;
using PaymentFunctions.Rules.Execution;
using PaymentFunctions.Rules.Metrics;
using PaymentFunctions.Rules.Persistence;
using PaymentFunctions.Rules.Safety;

namespace PaymentFunctions.Rules;

/// <summary>Registers the rules database and what stands on it.</summary>
public static class RulesServiceCollectionExtensions
{
    /// <summary>
    /// Adds a pooled <see cref="IDbContextFactory{RulesDbContext}"/>, <see cref="RuleStore"/>, <see cref="AuditLog"/> and
    /// <see cref="SafetyLedger"/>. Run <see cref="RulesDatabase.MigrateAsync"/> at start-up.
    /// </summary>
    public static IServiceCollection AddRulesDatabase(this IServiceCollection services, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        services.AddPooledDbContextFactory<RulesDbContext>(options => RulesDbContext.Configure(options, connectionString));
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SafetyLimits>();
        services.TryAddSingleton<AuditLog>();
        services.TryAddSingleton<RuleStore>();
        services.TryAddSingleton<SafetyLedger>();
        return services;
    }

    /// <summary>
    /// Adds the rules' database (<see cref="AddRulesDatabase"/>), <see cref="RuleChain"/> (over the chain services
    /// <c>AddPaymentChain</c> registers) and <see cref="RuleMetrics"/>. The host binds <see cref="RulesOptions"/>
    /// (<c>Rules</c>) and <see cref="SafetyLimits"/> (<c>Rules:Safety</c>).
    /// </summary>
    public static IServiceCollection AddPaymentRules(this IServiceCollection services, string connectionString)
    {
        services.AddRulesDatabase(connectionString);
        services.AddOptions<RulesOptions>();
        services.TryAddSingleton<RuleChain>();
        services.TryAddSingleton<RuleMetrics>();
        return services;
    }
}
