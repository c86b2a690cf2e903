using Npgsql;
using PaymentFunctions.Durable.Client;
using PaymentFunctions.Durable.History;
using PaymentFunctions.Durable.Storage;

namespace PaymentFunctions.Durable.Postgres;

/// <summary>Orchestration work items: lock, checkpoint, abandon, renew.</summary>
public sealed partial class PostgresOrchestrationStore
{
    // One statement locks the batch and returns each instance with its visible messages and its history.
    // The Pending rule: a Pending instance is only handed out once its start (0) or a termination (3) is visible.
    // The queue tables change too fast for their statistics to be right, so the statement is shaped to leave the
    // planner no bad choice: instances are locked one by one through a LATERAL primary-key lookup in FIFO order
    // (stopping at the limit), updated by ctid, and each instance's messages and history are read through
    // correlated lookups on (hub, instance_id). "visible_at + 0" keeps those lookups off the visibility index.
    private static readonly string LockOrchestrationsSql = $"""
        WITH visible AS MATERIALIZED (
            SELECT e.instance_id, min(e.id) AS first_id,
                bool_or(e.event_type IN ({(int)EventType.ExecutionStarted}, {(int)EventType.ExecutionTerminated})) AS can_start
            FROM durable.new_events e
            WHERE e.hub = @hub AND e.visible_at <= @now_ticks
            GROUP BY e.instance_id
            ORDER BY first_id
        ), picked AS MATERIALIZED (
            SELECT c.ctid AS row_id
            FROM visible v
            CROSS JOIN LATERAL (
                SELECT i.ctid FROM durable.instances i
                WHERE i.hub = @hub AND i.instance_id = v.instance_id
                  AND i.locked_until <= @now
                  AND (i.status <> {(int)OrchestrationRuntimeStatus.Pending} OR v.can_start)
                FOR UPDATE SKIP LOCKED) c
            LIMIT @max
        ), locked AS (
            UPDATE durable.instances i
            SET lock_token = @token, locked_until = @until, dequeue_count = i.dequeue_count + 1
            WHERE i.ctid = ANY (ARRAY(SELECT row_id FROM picked))
            RETURNING i.*
        )
        SELECT {StateReader.Columns("l")}, l.dequeue_count,
            ARRAY(SELECT e.id FROM durable.new_events e
                  WHERE e.hub = @hub AND e.instance_id = l.instance_id AND e.visible_at + 0 <= @now_ticks ORDER BY e.id),
            ARRAY(SELECT e.event::text FROM durable.new_events e
                  WHERE e.hub = @hub AND e.instance_id = l.instance_id AND e.visible_at + 0 <= @now_ticks ORDER BY e.id),
            ARRAY(SELECT NULLIF(e.visible_at, 0) FROM durable.new_events e
                  WHERE e.hub = @hub AND e.instance_id = l.instance_id AND e.visible_at + 0 <= @now_ticks ORDER BY e.id),
            ARRAY(SELECT e.target_execution_id FROM durable.new_events e
                  WHERE e.hub = @hub AND e.instance_id = l.instance_id AND e.visible_at + 0 <= @now_ticks ORDER BY e.id),
            ARRAY(SELECT h.event::text FROM durable.history h
                  WHERE h.hub = @hub AND h.instance_id = l.instance_id ORDER BY h.sequence_number)
        FROM locked l
        """;

    private const string CheckpointInstanceSql = """
        WITH updated AS (
            UPDATE durable.instances
            SET execution_id = @execution_id, name = @name, version = @version, status = @status,
                created_at = @created_at, last_updated_at = @last_updated_at, completed_at = @completed_at,
                scheduled_start_time = @scheduled_start_time, input = @input, output = @output,
                custom_status = @custom_status, failure_details = @failure_details, tags = @tags,
                parent_instance_id = @parent_instance_id,
                lock_token = NULL, locked_until = '-infinity', dequeue_count = 0
            WHERE hub = @hub AND instance_id = @instance_id AND lock_token = @token
            RETURNING 1)
        SELECT durable.assert_lease_held(count(*)) FROM updated
        """;

    private const string DeleteHistorySql = "DELETE FROM durable.history WHERE hub = @hub AND instance_id = @instance_id";

    private const string AppendHistorySql = """
        INSERT INTO durable.history (hub, instance_id, execution_id, sequence_number, event)
        SELECT @hub, @instance_id, @execution_id, @first + h.ord::integer - 1, h.event
        FROM unnest(@events) WITH ORDINALITY AS h(event, ord)
        """;

    private const string DeleteConsumedSql = "DELETE FROM durable.new_events WHERE hub = @hub AND instance_id = @instance_id AND id = ANY(@ids)";

    private const string InsertTasksSql = """
        INSERT INTO durable.new_tasks (hub, instance_id, execution_id, generation, event)
        SELECT @hub, t.instance_id, t.execution_id, t.generation, t.event
        FROM unnest(@instance_ids, @execution_ids, @generations, @events) WITH ORDINALITY AS t(instance_id, execution_id, generation, event, ord)
        ORDER BY t.ord
        """;

    private const string AbandonOrchestrationSql = """
        UPDATE durable.instances SET lock_token = NULL, locked_until = @until
        WHERE hub = @hub AND instance_id = @instance_id AND lock_token = @token
        """;

    private const string RenewOrchestrationSql = """
        UPDATE durable.instances SET locked_until = @until
        WHERE hub = @hub AND instance_id = @instance_id AND lock_token = @token
        """;

    /// <inheritdoc />
    public async Task<IReadOnlyList<OrchestrationWorkItem>> LockOrchestrationWorkItemsAsync(int maxCount, CancellationToken cancellationToken = default)
    {
        await this.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        if (this.CreateLockCommand(LockOrchestrationsSql, maxCount) is not { } locking)
        {
            return [];
        }

        var (command, token, now) = locking;
        await using var disposeCommand = command;
        command.Parameters.Add(SqlParameters.Ticks("now_ticks", now));
        this.RecordOrchestrationLockAttempt(now);

        var items = new List<(long First, OrchestrationWorkItem Item)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var state = StateReader.Read(reader);
            var column = StateReader.ColumnCount;
            var dequeueCount = reader.GetInt32(column);
            var ids = reader.GetFieldValue<long[]>(column + 1);
            var events = reader.GetFieldValue<string[]>(column + 2);
            var visible = reader.GetFieldValue<long?[]>(column + 3);
            var targets = reader.GetFieldValue<string?[]>(column + 4);
            var history = reader.GetFieldValue<string[]>(column + 5);
            if (ids.Length == 0)
            {
                // The messages were consumed between the pick and the read (cannot happen under the lock); skip it.
                continue;
            }

            var messages = new OrchestrationMessage[ids.Length];
            for (var i = 0; i < ids.Length; i++)
            {
                messages[i] = new OrchestrationMessage(
                    state.InstanceId,
                    EventSerializer.Deserialize(events[i]),
                    visible[i] is { } v ? SqlParameters.FromTicks(v) : null,
                    targets[i]) { SequenceNumber = ids[i] };
            }

            var historyEvents = Array.ConvertAll(history, EventSerializer.Deserialize);
            items.Add((ids[0], new OrchestrationWorkItem(state.InstanceId, state, historyEvents, messages, dequeueCount, token)));
        }

        items.Sort((a, b) => a.First.CompareTo(b.First));
        return [.. items.Select(i => i.Item)];
    }

    /// <inheritdoc />
    public async Task<bool> CompleteOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, OrchestrationCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        ArgumentNullException.ThrowIfNull(checkpoint);
        await this.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var now = this.time.GetUtcNow();
        var instanceId = workItem.InstanceId;
        var state = checkpoint.State with { LastUpdatedAt = now };

        // Sent as one batch: without an explicit transaction PostgreSQL runs it as one implicit transaction, so
        // a lost lease (assert_lease_held) or a duplicate history key aborts all of it.
        await using var batch = this.dataSource.CreateBatch();
        var update = SqlParameters.Command(
            CheckpointInstanceSql,
            [SqlParameters.Text("hub", this.hub), SqlParameters.Text("instance_id", instanceId), SqlParameters.Text("token", workItem.LockToken), .. StateReader.Parameters(state)]);
        batch.BatchCommands.Add(update);

        if (checkpoint.ReplaceHistory)
        {
            batch.BatchCommands.Add(SqlParameters.Command(DeleteHistorySql, SqlParameters.Text("hub", this.hub), SqlParameters.Text("instance_id", instanceId)));
        }

        if (checkpoint.NewHistory.Count > 0)
        {
            batch.BatchCommands.Add(SqlParameters.Command(
                AppendHistorySql,
                SqlParameters.Text("hub", this.hub),
                SqlParameters.Text("instance_id", instanceId),
                SqlParameters.Text("execution_id", state.ExecutionId),
                SqlParameters.Integer("first", checkpoint.ReplaceHistory ? 0 : workItem.History.Count),
                SqlParameters.JsonbArray("events", [.. checkpoint.NewHistory.Select(EventSerializer.Serialize)])));
        }

        if (workItem.Messages.Count > 0)
        {
            batch.BatchCommands.Add(SqlParameters.Command(
                DeleteConsumedSql,
                SqlParameters.Text("hub", this.hub),
                SqlParameters.Text("instance_id", instanceId),
                SqlParameters.BigintArray("ids", [.. workItem.Messages.Select(m => m.SequenceNumber)])));
        }

        if (checkpoint.Activities.Count > 0)
        {
            var activities = checkpoint.Activities;
            batch.BatchCommands.Add(SqlParameters.Command(
                InsertTasksSql,
                SqlParameters.Text("hub", this.hub),
                SqlParameters.TextArray("instance_ids", [.. activities.Select(a => a.InstanceId)]),
                SqlParameters.TextArray("execution_ids", [.. activities.Select(a => a.ExecutionId)]),
                SqlParameters.IntegerArray("generations", [.. activities.Select(a => a.Generation)]),
                SqlParameters.JsonbArray("events", [.. activities.Select(a => EventSerializer.Serialize(a.Event))])));
        }

        this.AddMessages(batch, checkpoint.Messages, instanceId, now);
        // Other workers need to hear of new messages (a timer changes when they should wake up) and new tasks;
        // this process's own dispatchers are signalled directly.
        var (notify, orchestrationsHeld, activitiesHeld) = this.ThrottledNotify(checkpoint.Messages.Count > 0, checkpoint.Activities.Count > 0);
        if (notify is not null)
        {
            batch.BatchCommands.Add(notify);
        }

        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (ex.SqlState == LeaseLostState)
        {
            LogLeaseLost(this.logger, instanceId);
            return false;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation && ex.TableName == "history")
        {
            LogDuplicateEpisode(this.logger, instanceId);
            return false;
        }

        this.AfterThrottledCommit(orchestrationsHeld, activitiesHeld);
        this.SignalLocal(orchestrations: true, activities: checkpoint.Activities.Count > 0);
        return true;
    }

    /// <inheritdoc />
    public async Task AbandonOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, TimeSpan delay, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        await this.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        await using var command = this.dataSource.CreateCommand(AbandonOrchestrationSql);
        command.Parameters.Add(SqlParameters.Text("hub", this.hub));
        command.Parameters.Add(SqlParameters.Text("instance_id", workItem.InstanceId));
        command.Parameters.Add(SqlParameters.Text("token", workItem.LockToken));
        command.Parameters.Add(SqlParameters.Time("until", this.time.GetUtcNow() + delay));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<bool> RenewOrchestrationWorkItemLockAsync(OrchestrationWorkItem workItem, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        await this.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        await using var command = this.dataSource.CreateCommand(RenewOrchestrationSql);
        command.Parameters.Add(SqlParameters.Text("hub", this.hub));
        command.Parameters.Add(SqlParameters.Text("instance_id", workItem.InstanceId));
        command.Parameters.Add(SqlParameters.Text("token", workItem.LockToken));
        command.Parameters.Add(SqlParameters.Time("until", this.time.GetUtcNow() + this.lockTimeout));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>
    /// The command that locks up to <paramref name="maxCount"/> (capped at the batch size) work items under a new
    /// lease token; null when there is no room for any.
    /// </summary>
    private (NpgsqlCommand Command, string Token, DateTimeOffset Now)? CreateLockCommand(string sql, int maxCount)
    {
        maxCount = Math.Min(maxCount, this.maxBatchSize);
        if (maxCount <= 0)
        {
            return null;
        }

        var now = this.time.GetUtcNow();
        var token = Guid.NewGuid().ToString("N");
        var command = this.dataSource.CreateCommand(sql);
        command.Parameters.Add(SqlParameters.Text("hub", this.hub));
        command.Parameters.Add(SqlParameters.Time("now", now));
        command.Parameters.Add(SqlParameters.Time("until", now + this.lockTimeout));
        command.Parameters.Add(SqlParameters.Text("token", token));
        command.Parameters.Add(SqlParameters.Integer("max", maxCount));
        return (command, token, now);
    }
}
