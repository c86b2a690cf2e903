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
        return services.AddTimerTrigger(PurgeHistory, schedule, (context, cancellationToken) => PurgeAsync(context.Services, context.Timer.Occurrence, cancellationToken));
    }

    /// <summary>The purge itself, shared with the Functions host: instances created <c>PurgeHistoryRetentionDays</c> or more before <paramref name="occurrence"/>.</summary>
    internal static async Task<PurgeResult> PurgeAsync(IServiceProvider services, DateTimeOffset occurrence, CancellationToken cancellationToken)
    {
        var days = services.GetRequiredService<IConfiguration>().GetValue("PurgeHistoryRetentionDays", 30);
        var client = services.GetRequiredService<DurableTaskClient>();
        return await client.PurgeAllInstancesAsync(new PurgeInstancesFilter(DateTimeOffset.UnixEpoch, occurrence.AddDays(-days)), cancellationToken);
    }
}
