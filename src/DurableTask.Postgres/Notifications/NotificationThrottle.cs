using System.Diagnostics;

namespace PaymentFunctions.DurableTask.Postgres.Notifications;

/// <summary>
/// Coalesces one channel's NOTIFYs from a busy worker to about one per window. PostgreSQL serializes the commits of
/// notifying transactions, so a NOTIFY in every checkpoint caps throughput, while the other workers only need to hear
/// that there is work, not about every item. A transaction that goes without one calls <see cref="HeldBack"/> after it
/// commits: this process's own waiters wake at once, and one trailing NOTIFY follows the window, so no wake-up is lost
/// (and polling backs even that up). Client operations always notify at once.
/// </summary>
internal sealed class NotificationThrottle(TimeSpan window, WakeUp local, Func<Task> sendTrailing)
{
    private readonly long windowTicks = (long)(window.TotalSeconds * Stopwatch.Frequency);
    private long lastSent = long.MinValue / 2;
    private int trailingScheduled;

    /// <summary>Whether this transaction should carry the NOTIFY; if not, call <see cref="HeldBack"/> once it committed.</summary>
    public bool TryTake()
    {
        var now = Stopwatch.GetTimestamp();
        var last = Volatile.Read(ref this.lastSent);
        return now - last >= this.windowTicks && Interlocked.CompareExchange(ref this.lastSent, now, last) == last;
    }

    /// <summary>Wakes this process's waiters and schedules one trailing NOTIFY for work committed without one.</summary>
    public void HeldBack()
    {
        local.Signal();
        if (Interlocked.Exchange(ref this.trailingScheduled, 1) == 1)
        {
            // A trailing NOTIFY is scheduled and not yet sent: it is sent after this commit, so it covers it.
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
                // Best effort: the other workers fall back to polling.
                Interlocked.Exchange(ref this.trailingScheduled, 0);
            }
        });
    }
}
