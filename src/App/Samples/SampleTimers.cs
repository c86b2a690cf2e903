using PaymentFunctions.App.Triggers.Timer;
using Microsoft.DurableTask.Client;

namespace PaymentFunctions.App.Samples;

/// <summary>Housekeeping timers that every deployment wants.</summary>
public static class SampleTimers
{
    /// <summary>The purge timer's name.</summary>
    public const string PurgeHistory = "PurgeHistory";

    /// <summary>
    /// Purges finished instances older than <c>PurgeHistoryRetentionDays</c> (default 30) on the
    /// <c>PurgeHistorySchedule</c> setting (default daily at 03:00 UTC).
    /// </summary>
    public static IServiceCollection AddSampleTimers(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var schedule = string.IsNullOrWhiteSpace(configuration["PurgeHistorySchedule"]) ? "0 0 3 * * *" : "%PurgeHistorySchedule%";
        return services.AddTimerTrigger(PurgeHistory, schedule, async (context, cancellationToken) =>
        {
            var days = context.Services.GetRequiredService<IConfiguration>().GetValue("PurgeHistoryRetentionDays", 30);
            var client = context.Services.GetRequiredService<DurableTaskClient>();
            var before = context.Timer.Occurrence.AddDays(-days);
            await client.PurgeAllInstancesAsync(new PurgeInstancesFilter(DateTimeOffset.UnixEpoch, before), cancellationToken);
        });
    }
}
