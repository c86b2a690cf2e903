using PaymentFunctions.DurableTask.Postgres.Notifications;

namespace PaymentFunctions.DurableTask.Postgres;

/// <summary>The long poll behind both <c>LockNext*</c> methods.</summary>
public sealed partial class PostgresOrchestrationService
{
    /// <summary>
    /// Tries <paramref name="attempt"/> until it yields work, <paramref name="timeout"/> passes (null) or the token is
    /// cancelled (null, as DTFx's dispatchers expect while stopping). Between attempts it waits for a NOTIFY, the
    /// next timer due, or the polling interval, which doubles from the minimum to the maximum while nothing happens.
    /// </summary>
    private async Task<T?> PollAsync<T>(
        WakeUp wakeUp,
        Func<CancellationToken, Task<(T? Item, DateTime? NextDue)>> attempt,
        TimeSpan timeout,
        CancellationToken cancellationToken)
        where T : class
    {
        var deadline = DateTime.UtcNow + (timeout < TimeSpan.Zero ? TimeSpan.Zero : timeout);
        var interval = this.settings.MinPollingInterval;
        try
        {
            while (true)
            {
                // Taken before the attempt, so a notification sent while it runs is not missed.
                var notified = wakeUp.Current;
                var (item, nextDue) = await attempt(cancellationToken).ConfigureAwait(false);
                if (item is not null)
                {
                    return item;
                }

                var now = DateTime.UtcNow;
                var wait = deadline - now;
                if (wait <= TimeSpan.Zero)
                {
                    return null;
                }

                wait = Min(wait, interval);
                if (nextDue is { } due)
                {
                    wait = Min(wait, due - now < TimeSpan.Zero ? TimeSpan.Zero : due - now);
                }

                using var delay = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var finished = await Task.WhenAny(notified, Task.Delay(wait, delay.Token)).ConfigureAwait(false);
                await delay.CancelAsync().ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                interval = finished == notified
                    ? this.settings.MinPollingInterval
                    : Min(interval * 2, this.settings.MaxPollingInterval);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
