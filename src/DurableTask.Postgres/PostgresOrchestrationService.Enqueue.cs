using DurableTask.Core;
using DurableTask.Core.History;
using Npgsql;
using PaymentFunctions.DurableTask.Postgres.Notifications;
using PaymentFunctions.DurableTask.Postgres.Storage;

namespace PaymentFunctions.DurableTask.Postgres;

/// <summary>Adding messages, new instances and activity tasks to a transaction, with the NOTIFY that wakes workers.</summary>
public sealed partial class PostgresOrchestrationService
{
    private static readonly string InsertInstancesSql = $"""
        INSERT INTO __schema__.instances (hub, instance_id, execution_id, name, version, status, created_at, last_updated_at,
            scheduled_start_at, input, tags, parent_instance)
        SELECT @hub, s.instance_id, s.execution_id, s.name, s.version, {(int)OrchestrationStatus.Pending}, @now, @now,
            s.scheduled_start_at, s.input, s.tags, s.parent_instance
        FROM unnest(@instance_ids, @execution_ids, @names, @versions, @scheduled, @inputs, @tags, @parents)
            AS s(instance_id, execution_id, name, version, scheduled_start_at, input, tags, parent_instance)
        """;

    // Messages for instances that do not exist are dropped here: only a start creates an instance (just before). Each
    // instance that got one is ready no later than its earliest new message (for a Pending instance only a start
    // counts), not before now (first come, first served) nor before a lease on it runs out. The instances are found
    // by primary key (= ANY of the ids), whatever the planner guesses of the set of messages.
    // Every instance that got a message is updated, even when nothing counts for it, and the status is read only in
    // SET: a row matched in this statement's snapshot waits for a checkpoint holding it and SET is then evaluated on
    // the committed row. Filtering on the status in WHERE would pass over a Pending row whose start a checkpoint is
    // committing; that checkpoint cannot see this message yet, and the instance would never become ready for it.
    private static readonly string InsertMessagesSql = $"""
        WITH inserted AS (
            INSERT INTO __schema__.messages (hub, instance_id, execution_id, event_type, visible_at, message)
            SELECT @hub, m.instance_id COLLATE "C", m.execution_id, m.event_type, m.visible_at, m.message
            FROM unnest(@instance_ids, @execution_ids, @event_types, @visible_ats, @messages) WITH ORDINALITY
                AS m(instance_id, execution_id, event_type, visible_at, message, ord)
            WHERE EXISTS (SELECT 1 FROM __schema__.instances i WHERE i.hub = @hub AND i.instance_id = m.instance_id COLLATE "C")
            ORDER BY m.ord
            RETURNING instance_id, event_type, visible_at
        )
        UPDATE __schema__.instances i
        SET ready_at = (
            SELECT CASE WHEN min(n.visible_at) IS NULL THEN i.ready_at
                ELSE least(i.ready_at, greatest(min(n.visible_at), @now, i.locked_until)) END
            FROM inserted n
            WHERE n.instance_id = i.instance_id
              AND (i.status <> {(int)OrchestrationStatus.Pending} OR n.event_type = {(int)EventType.ExecutionStarted}))
        WHERE i.hub = @hub AND i.instance_id = ANY(@instance_ids)
          AND EXISTS (SELECT 1 FROM inserted n WHERE n.instance_id = i.instance_id)
        """;

    private const string InsertTasksSql = """
        INSERT INTO __schema__.tasks (hub, instance_id, execution_id, message)
        SELECT @hub, t.instance_id COLLATE "C", t.execution_id, t.message
        FROM unnest(@instance_ids, @execution_ids, @messages) WITH ORDINALITY AS t(instance_id, execution_id, message, ord)
        ORDER BY t.ord
        """;

    /// <summary>When a message becomes visible: a timer at its fire time, a scheduled start at its start time, else now (0).</summary>
    private static long VisibleAt(TaskMessage message) => message.Event switch
    {
        TimerFiredEvent timer => Ticks.From(timer.FireAt),
        ExecutionStartedEvent { ScheduledStartTime: { } startAt } => Ticks.From(startAt),
        _ => 0,
    };

    /// <summary>Inserts a Pending instance row for each start; <paramref name="onConflict"/> decides about existing ones.</summary>
    private NpgsqlBatchCommand InsertInstances(IReadOnlyList<ExecutionStartedEvent> starts, long now, string onConflict) =>
        SqlParameters.Command(
            this.Sql(InsertInstancesSql + "\n" + onConflict),
            SqlParameters.Text("hub", this.hub),
            SqlParameters.Bigint("now", now),
            SqlParameters.TextArray("instance_ids", [.. starts.Select(s => s.OrchestrationInstance.InstanceId)]),
            SqlParameters.TextArray("execution_ids", [.. starts.Select(s => s.OrchestrationInstance.ExecutionId)]),
            SqlParameters.TextArray("names", [.. starts.Select(s => s.Name)]),
            SqlParameters.TextArray("versions", [.. starts.Select(s => s.Version)]),
            SqlParameters.NullableBigintArray("scheduled", [.. starts.Select(s => s.ScheduledStartTime is { } t ? Ticks.From(t) : (long?)null)]),
            SqlParameters.TextArray("inputs", [.. starts.Select(s => s.Input)]),
            SqlParameters.TextArray("tags", [.. starts.Select(s => DurableJson.SerializeOrNull(s.Tags))]),
            SqlParameters.TextArray("parents", [.. starts.Select(s => DurableJson.SerializeOrNull(s.ParentInstance))]));

    /// <summary>
    /// Adds messages for orchestrations to the batch: new instances for starts (existing ones are kept), the messages
    /// (dropped when their instance does not exist), and a NOTIFY. Returns whether anything was added. With
    /// <paramref name="heldBack"/> (a worker's commit) the NOTIFY is coalesced: a throttle that held it back is added there,
    /// for <see cref="NotificationThrottle.HeldBack"/> after the commit.
    /// </summary>
    private bool AddMessages(NpgsqlBatch batch, IReadOnlyList<TaskMessage> messages, long now, bool createInstances = true, List<NotificationThrottle>? heldBack = null)
    {
        if (messages.Count == 0)
        {
            return false;
        }

        var starts = messages.Select(m => m.Event).OfType<ExecutionStartedEvent>().ToList();
        if (createInstances && starts.Count > 0)
        {
            batch.BatchCommands.Add(this.InsertInstances(starts, now, "ON CONFLICT (hub, instance_id) DO NOTHING"));
        }

        batch.BatchCommands.Add(SqlParameters.Command(
            this.Sql(InsertMessagesSql),
            SqlParameters.Text("hub", this.hub),
            SqlParameters.Bigint("now", now),
            SqlParameters.TextArray("instance_ids", [.. messages.Select(m => m.OrchestrationInstance.InstanceId)]),
            SqlParameters.TextArray("execution_ids", [.. messages.Select(m => m.OrchestrationInstance.ExecutionId)]),
            SqlParameters.IntegerArray("event_types", [.. messages.Select(m => (int)m.Event.EventType)]),
            SqlParameters.BigintArray("visible_ats", [.. messages.Select(VisibleAt)]),
            SqlParameters.TextArray("messages", [.. messages.Select(DurableJson.Serialize)])));
        this.AddNotify(batch, this.channels.Orchestrations, this.orchestrationNotifications, heldBack);
        return true;
    }

    /// <summary>Adds activity tasks and a NOTIFY (coalesced as in <see cref="AddMessages"/>) to the batch.</summary>
    private void AddTasks(NpgsqlBatch batch, IList<TaskMessage> tasks, List<NotificationThrottle> heldBack)
    {
        if (tasks.Count == 0)
        {
            return;
        }

        batch.BatchCommands.Add(SqlParameters.Command(
            this.Sql(InsertTasksSql),
            SqlParameters.Text("hub", this.hub),
            SqlParameters.TextArray("instance_ids", [.. tasks.Select(m => m.OrchestrationInstance.InstanceId)]),
            SqlParameters.TextArray("execution_ids", [.. tasks.Select(m => m.OrchestrationInstance.ExecutionId)]),
            SqlParameters.TextArray("messages", [.. tasks.Select(DurableJson.Serialize)])));
        this.AddNotify(batch, this.channels.Activities, this.activityNotifications, heldBack);
    }

    private void AddNotify(NpgsqlBatch batch, string channel, NotificationThrottle? throttle, List<NotificationThrottle>? heldBack)
    {
        if (heldBack is null || throttle is null || throttle.TryTake())
        {
            batch.BatchCommands.Add(this.Notify(channel));
        }
        else if (!heldBack.Contains(throttle))
        {
            heldBack.Add(throttle);
        }
    }

    /// <summary>A NOTIFY on its own, for the trailing wake-up of coalesced commits.</summary>
    private async Task SendNotifyAsync(string channel)
    {
        var command = this.dataSource.CreateCommand("SELECT pg_notify($1, '')");
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.AddWithValue(channel);
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
    }

    /// <summary>A NOTIFY delivered when (and only if) the transaction commits; PostgreSQL folds duplicates.</summary>
    private NpgsqlBatchCommand Notify(string channel) =>
        SqlParameters.Command("SELECT pg_notify(@channel, '')", SqlParameters.Text("channel", channel));
}
