using System.Text.Json;
using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PaymentFunctions.App.Payments;
using PaymentFunctions.App.Rules;
using PaymentFunctions.App.Security;
using PaymentFunctions.App.Triggers.Timer;
using PaymentFunctions.Functions.Durable;
using PaymentFunctions.Functions.Timers;

namespace PaymentFunctions.Functions.Hosting;

/// <summary>Puts the self-hosted app's services into the Functions worker, minus what the Functions host does itself.</summary>
public static class SharedAppRegistration
{
    /// <summary>
    /// Registers payments exactly as the self-hosted app does (<c>AddPayments</c>), the function-key settings the
    /// check-status payload reads, camelCase JSON for durable payloads as the self-hosted worker writes them, and
    /// the invocation's bound <see cref="DurableTaskClient"/>. The self-hosted timer runtime is taken out again: the
    /// Functions host runs the timers (see <see cref="TimerFunctions"/>).
    /// </summary>
    public static IHostApplicationBuilder AddSharedApp(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.Configure<WorkerOptions>(o => o.Serializer = new JsonObjectSerializer(new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DurableTaskClient, BoundDurableTaskClient>();
        services.AddFunctionKeys(builder.Configuration);
        builder.AddPayments();
        builder.AddPaymentRules();

        var selfHostedTimers = services.Where(d =>
            d.ServiceType == typeof(TimerTriggerHost) || d.ServiceType == typeof(TimerLeaseStore) || d.ServiceType == typeof(ITimerTriggerMonitor)
            || (d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(TimerTriggerHostService))).ToList();
        foreach (var descriptor in selfHostedTimers)
        {
            services.Remove(descriptor);
        }

        services.AddSingleton<ITimerTriggerMonitor, NoTimerRecords>();
        return builder;
    }
}
