using PaymentFunctions.Durable.History;
using PaymentFunctions.Durable.Storage;

namespace PaymentFunctions.Durable.Postgres;

/// <summary>Activity work items: lock, complete, abandon, renew.</summary>
public sealed partial class PostgresOrchestrationStore
{
    private const string LockActivitiesSql = """
        WITH picked AS MATERIALIZED (
            SELECT ctid AS row_id FROM durable.new_tasks
            WHERE hub = @hub AND locked_until <= @now
            ORDER BY id
            LIMIT @max
            FOR UPDATE SKIP LOCKED)
        UPDATE durable.new_tasks t
        SET lock_token = @token, locked_until = @until, dequeue_count = t.dequeue_count + 1
        WHERE t.ctid = ANY (ARRAY(SELECT row_id FROM picked))
        RETURNING t.id, t.instance_id, t.execution_id, t.generation, t.event::text, t.dequeue_count
        """;

    // Deletes exactly the leased task and delivers its result in the same statement; the count says whether
    // the task was still there. A result for a purged instance is dropped, as in the in-memory store.
    private const string CompleteActivitySql = """
        WITH done AS (
            DELETE FROM durable.new_tasks
            WHERE hub = @hub AND id = @id AND lock_token = @token
            RETURNING instance_id),
        delivered AS (
            INSERT INTO durable.new_events (hub, instance_id, event, event_type, visible_at, target_execution_id, created_at)
            SELECT @hub, done.instance_id, @event, @event_type, 0, @target_execution_id, @now
            FROM done
            WHERE EXISTS (SELECT 1 FROM durable.instances i WHERE i.hub = @hub AND i.instance_id = done.instance_id)
            RETURNING 1)
        SELECT count(*) FROM done
        """;

    private const string AbandonActivitySql = """
        UPDATE durable.new_tasks SET lock_token = NULL, locked_until = '-infinity'
        WHERE hub = @hub AND id = @id AND lock_token = @token
        """;

    private const string RenewActivitySql = """
        UPDATE durable.new_tasks SET locked_until = @until
        WHERE hub = @hub AND id = @id AND lock_token = @token
        """;

    /// <inheritdoc />
    public async Task<IReadOnlyList<ActivityWorkItem>> LockActivityWorkItemsAsync(int maxCount, CancellationToken cancellationToken = default)
    {
        await this.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        if (this.CreateLockCommand(LockActivitiesSql, maxCount) is not { } locking)
        {
            return [];
        }

        var (command, token, now) = locking;
        await using var disposeCommand = command;

        var items = new List<ActivityWorkItem>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var scheduled = (TaskScheduledEvent)EventSerializer.Deserialize(reader.GetString(4));
            var request = new ActivityRequest(reader.GetString(1), reader.GetString(2), reader.GetInt32(3), scheduled);
            items.Add(new ActivityWorkItem(reader.GetInt64(0), request, reader.GetInt32(5), token));
        }

        items.Sort((a, b) => a.Id.CompareTo(b.Id));
        return items;
    }

    /// <inheritdoc />
    public async Task<bool> CompleteActivityWorkItemAsync(ActivityWorkItem workItem, HistoryEvent result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        ArgumentNullException.ThrowIfNull(result);
        await this.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = this.dataSource.CreateBatch();
        batch.BatchCommands.Add(SqlParameters.Command(
            CompleteActivitySql,
            SqlParameters.Text("hub", this.hub),
            SqlParameters.Bigint("id", workItem.Id),
            SqlParameters.Text("token", workItem.LockToken),
            SqlParameters.Jsonb("event", EventSerializer.Serialize(result)),
            SqlParameters.Integer("event_type", (int)result.EventType),
            SqlParameters.Text("target_execution_id", workItem.Request.ExecutionId),
            SqlParameters.Time("now", this.time.GetUtcNow())));
        var (notify, orchestrationsHeld, _) = this.ThrottledNotify(orchestrations: true, activities: false);
        if (notify is not null)
        {
            batch.BatchCommands.Add(notify);
        }

        long deleted = 0;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                deleted = reader.GetInt64(0);
            }
        }

        if (deleted == 0)
        {
            return false;
        }

        this.AfterThrottledCommit(orchestrationsHeld, activitiesHeld: false);
        this.SignalLocal(orchestrations: true, activities: false);
        return true;
    }

    /// <inheritdoc />
    public async Task AbandonActivityWorkItemAsync(ActivityWorkItem workItem, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        await this.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = this.dataSource.CreateBatch();
        batch.BatchCommands.Add(SqlParameters.Command(
            AbandonActivitySql,
            SqlParameters.Text("hub", this.hub),
            SqlParameters.Bigint("id", workItem.Id),
            SqlParameters.Text("token", workItem.LockToken)));
        batch.BatchCommands.Add(this.Notify(orchestrations: false, activities: true));
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        this.SignalLocal(orchestrations: false, activities: true);
    }

    /// <inheritdoc />
    public async Task<bool> RenewActivityWorkItemLockAsync(ActivityWorkItem workItem, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        await this.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        await using var command = this.dataSource.CreateCommand(RenewActivitySql);
        command.Parameters.Add(SqlParameters.Text("hub", this.hub));
        command.Parameters.Add(SqlParameters.Bigint("id", workItem.Id));
        command.Parameters.Add(SqlParameters.Text("token", workItem.LockToken));
        command.Parameters.Add(SqlParameters.Time("until", this.time.GetUtcNow() + this.lockTimeout));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }
}
