using Npgsql;
using PaymentFunctions.Durable.Storage;

namespace PaymentFunctions.Durable.Postgres;

/// <summary>Waiting for work: local signals, NOTIFYs from other processes, and the next timer.</summary>
public sealed partial class PostgresOrchestrationStore
{
    // Messages that became visible after the last lock attempt count too: a wake-up a moment before a timer was
    // due finds nothing to lock, and by the next wait the timer is already visible, so "visible after now" would
    // miss it and sleep the whole max wait.
    private const string NextVisibleSql = "SELECT min(visible_at) FROM durable.new_events WHERE hub = @hub AND visible_at > @since";

    private long lastOrchestrationLockTicks;

    /// <inheritdoc />
    public async Task WaitForWorkAsync(WorkItemKind kind, TimeSpan maxWait, CancellationToken cancellationToken = default)
    {
        this.listener.EnsureStarted();
        var signal = (kind == WorkItemKind.Orchestration ? this.orchestrationWork : this.activityWork).Current;
        if (kind == WorkItemKind.Orchestration && await this.NextVisibleAtAsync(cancellationToken).ConfigureAwait(false) is { } next)
        {
            // Wake up when the next timer or scheduled start becomes visible; timers may fire a tick early, so
            // two milliseconds of slack keep the wake-up from finding the message still invisible.
            var untilNext = next - this.time.GetUtcNow() + TimeSpan.FromMilliseconds(2);
            if (untilNext < maxWait)
            {
                maxWait = untilNext < TimeSpan.Zero ? TimeSpan.Zero : untilNext;
            }
        }

        using var delayCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(maxWait, this.time, delayCancellation.Token);
        await Task.WhenAny(signal, delay).ConfigureAwait(false);
        await delayCancellation.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private void RecordOrchestrationLockAttempt(DateTimeOffset now) => Interlocked.Exchange(ref this.lastOrchestrationLockTicks, now.UtcTicks);

    private async Task<DateTimeOffset?> NextVisibleAtAsync(CancellationToken cancellationToken)
    {
        try
        {
            await this.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
            await using var command = this.dataSource.CreateCommand(NextVisibleSql);
            command.Parameters.Add(SqlParameters.Text("hub", this.hub));
            var lastAttempt = Interlocked.Read(ref this.lastOrchestrationLockTicks);
            var now = this.time.GetUtcNow();
            command.Parameters.Add(SqlParameters.Ticks("since", lastAttempt > 0 && lastAttempt < now.UtcTicks ? new DateTimeOffset(lastAttempt, TimeSpan.Zero) : now));
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long next ? SqlParameters.FromTicks(next) : null;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            // Waiting is best effort: the worker polls again after maxWait anyway.
            return null;
        }
    }
}
