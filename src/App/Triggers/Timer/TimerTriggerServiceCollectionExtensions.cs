using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PaymentFunctions.App.Triggers.Timer;

/// <summary>Declares timer functions.</summary>
public static class TimerTriggerServiceCollectionExtensions
{
    /// <summary>Adds the timer runtime (idempotent) with its options from the <c>TimerTriggers</c> settings.</summary>
    public static IServiceCollection AddTimerTriggers(this IServiceCollection services, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (configuration is not null)
        {
            services.Configure<TimerTriggerOptions>(configuration.GetSection("TimerTriggers"));
        }

        services.TryAddSingleton<TimerLeaseStore>();
        services.TryAddSingleton<ITimerTriggerMonitor>(sp => sp.GetRequiredService<TimerLeaseStore>());
        services.TryAddSingleton<TimerTriggerHost>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, TimerTriggerHostService>());
        return services;
    }

    /// <summary>
    /// Declares a timer function on a six-field NCRONTAB schedule (<c>{second} {minute} {hour} {day} {month}
    /// {day-of-week}</c>, UTC) or a <c>%Setting%</c> holding one. Each occurrence runs on one app instance only.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The function name, unique among timers.</param>
    /// <param name="schedule">The schedule, e.g. <c>0 */5 * * * *</c>; checked at start-up.</param>
    /// <param name="handler">The work; it gets a scope of its own for each run.</param>
    /// <param name="runOnStartup">Also run whenever an app instance starts (on every instance, as in Functions).</param>
    /// <param name="useMonitor">Record last and next runs and catch up a missed occurrence at start-up.</param>
    public static IServiceCollection AddTimerTrigger(
        this IServiceCollection services,
        string name,
        string schedule,
        Func<TimerTriggerContext, CancellationToken, Task> handler,
        bool runOnStartup = false,
        bool useMonitor = true)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(handler);
        services.AddTimerTriggers();
        services.AddSingleton(new TimerTriggerDefinition(name, schedule, handler, runOnStartup, useMonitor));
        return services;
    }
}
