using System.Diagnostics;

namespace PaymentFunctions.Durable.Postgres.Notifications;

/// <summary>
/// Limits one channel's NOTIFYs from busy workers to one per window. PostgreSQL serializes the commits of all
/// notifying transactions, so a NOTIFY in every checkpoint would cap throughput; the other processes only need
/// to hear that there is work, not about every item. A notification held back is sent once, right after the
/// window, so no wake-up is lost. Client operations (create, raise) always notify at once.
/// </summary>
internal sealed class NotificationThrottle(TimeSpan window, Func<Task> sendTrailing)
{
    private readonly long windowTicks = (long)(window.TotalSeconds * Stopwatch.Frequency);
    private long lastSent = long.MinValue / 2;
    private int trailingScheduled;

    /// <summary>Whether this transaction should carry the NOTIFY; if not, call <see cref="Suppressed"/> after it commits.</summary>
    public bool TryTake()
    {
        var now = Stopwatch.GetTimestamp();
        var last = Volatile.Read(ref this.lastSent);
        return now - last >= this.windowTicks && Interlocked.CompareExchange(ref this.lastSent, now, last) == last;
    }

    /// <summary>Schedules one trailing NOTIFY for work committed without one.</summary>
    public void Suppressed()
    {
        if (Interlocked.Exchange(ref this.trailingScheduled, 1) == 1)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(window).ConfigureAwait(false);
                Interlocked.Exchange(ref this.trailingScheduled, 0);
                Volatile.Write(ref this.lastSent, Stopwatch.GetTimestamp());
                await sendTrailing().ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Best effort: other workers fall back to polling.
                Interlocked.Exchange(ref this.trailingScheduled, 0);
            }
        });
    }
}
