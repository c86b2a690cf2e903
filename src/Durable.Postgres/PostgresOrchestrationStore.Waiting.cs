using Npgsql;
using PaymentFunctions.Durable.Storage;

namespace PaymentFunctions.Durable.Postgres;

/// <summary>Waiting for work: local signals, NOTIFYs from other processes, and the next timer.</summary>
public sealed partial class PostgresOrchestrationStore
{
    private const string NextVisibleSql = "SELECT min(visible_at) FROM durable.new_events WHERE hub = @hub AND visible_at > @now";

    /// <inheritdoc />
    public async Task WaitForWorkAsync(WorkItemKind kind, TimeSpan maxWait, CancellationToken cancellationToken = default)
    {
        this.listener.EnsureStarted();
        var signal = (kind == WorkItemKind.Orchestration ? this.orchestrationWork : this.activityWork).Current;
        if (kind == WorkItemKind.Orchestration && await this.NextVisibleAtAsync(cancellationToken).ConfigureAwait(false) is { } next)
        {
            // Wake up when the next timer or scheduled start becomes visible; timers may fire a tick early, so
            // a millisecond of slack keeps the wake-up from finding the message still invisible.
            var untilNext = next - this.time.GetUtcNow() + TimeSpan.FromMilliseconds(1);
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

    private async Task<DateTimeOffset?> NextVisibleAtAsync(CancellationToken cancellationToken)
    {
        try
        {
            await this.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
            await using var command = this.dataSource.CreateCommand(NextVisibleSql);
            command.Parameters.Add(SqlParameters.Text("hub", this.hub));
            command.Parameters.Add(SqlParameters.Ticks("now", this.time.GetUtcNow()));
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long next ? SqlParameters.FromTicks(next) : null;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            // Waiting is best effort: the worker polls again after maxWait anyway.
            return null;
        }
    }
}
