using Npgsql;
using PaymentFunctions.Durable.Client;
using PaymentFunctions.Durable.History;
using PaymentFunctions.Durable.Storage;

namespace PaymentFunctions.Durable.Postgres;

/// <summary>Delivering messages and creating instances from start messages, as statements added to a batch.</summary>
public sealed partial class PostgresOrchestrationStore
{
    /// <summary>The SQLSTATE raised by <c>durable.assert_lease_held</c>.</summary>
    private const string LeaseLostState = "DT001";

    // Messages to instances that do not exist are dropped, as in the in-memory store.
    private const string EnqueueSql = """
        INSERT INTO durable.new_events (hub, instance_id, event, event_type, visible_at, target_execution_id, created_at)
        SELECT @hub, m.instance_id, m.event, m.event_type, coalesce(m.visible_at, 0), m.target_execution_id, @now
        FROM unnest(@instance_ids, @events, @event_types, @visible_ats, @target_execution_ids)
            WITH ORDINALITY AS m(instance_id, event, event_type, visible_at, target_execution_id, ord)
        WHERE EXISTS (SELECT 1 FROM durable.instances i WHERE i.hub = @hub AND i.instance_id = m.instance_id)
        ORDER BY m.ord
        """;

    private static readonly string[] RemoveInstanceSql =
    [
        "DELETE FROM durable.history WHERE hub = @hub AND instance_id = @instance_id",
        "DELETE FROM durable.new_events WHERE hub = @hub AND instance_id = @instance_id",
        "DELETE FROM durable.new_tasks WHERE hub = @hub AND instance_id = @instance_id",
        "DELETE FROM durable.instances WHERE hub = @hub AND instance_id = @instance_id",
    ];

    private const string InsertInstanceSql = """
        INSERT INTO durable.instances (hub, instance_id, execution_id, name, version, status, created_at, last_updated_at,
            completed_at, scheduled_start_time, input, output, custom_status, failure_details, tags, parent_instance_id)
        VALUES (@hub, @instance_id, @execution_id, @name, @version, @status, @created_at, @last_updated_at,
            @completed_at, @scheduled_start_time, @input, @output, @custom_status, @failure_details, @tags, @parent_instance_id)
        """;

    // A sub-orchestration start from a checkpoint never takes over an unfinished instance: the parent is told
    // instead. These statements run in order, each guarded by the target's status, so exactly one path happens.
    private const string SubOrchestrationCollisionSql = """
        INSERT INTO durable.new_events (hub, instance_id, event, event_type, visible_at, target_execution_id, created_at)
        SELECT @hub, @parent_id, @event, @event_type, 0, @parent_execution_id, @now
        WHERE EXISTS (SELECT 1 FROM durable.instances t WHERE t.hub = @hub AND t.instance_id = @instance_id AND t.status <> ALL(@terminal))
          AND EXISTS (SELECT 1 FROM durable.instances p WHERE p.hub = @hub AND p.instance_id = @parent_id)
        """;

    private const string FinishedTarget = "EXISTS (SELECT 1 FROM durable.instances t WHERE t.hub = @hub AND t.instance_id = @instance_id AND t.status = ANY(@terminal))";

    private static readonly string[] RemoveFinishedInstanceSql =
    [
        $"DELETE FROM durable.history WHERE hub = @hub AND instance_id = @instance_id AND {FinishedTarget}",
        $"DELETE FROM durable.new_events WHERE hub = @hub AND instance_id = @instance_id AND {FinishedTarget}",
        $"DELETE FROM durable.new_tasks WHERE hub = @hub AND instance_id = @instance_id AND {FinishedTarget}",
        "DELETE FROM durable.instances WHERE hub = @hub AND instance_id = @instance_id AND status = ANY(@terminal)",
    ];

    private const string CreateSubOrchestrationSql = """
        WITH created AS (
            INSERT INTO durable.instances (hub, instance_id, execution_id, name, version, status, created_at, last_updated_at,
                completed_at, scheduled_start_time, input, output, custom_status, failure_details, tags, parent_instance_id)
            SELECT @hub, @instance_id, @execution_id, @name, @version, @status, @created_at, @last_updated_at,
                @completed_at, @scheduled_start_time, @input, @output, @custom_status, @failure_details, @tags, @parent_instance_id
            WHERE NOT EXISTS (SELECT 1 FROM durable.instances t WHERE t.hub = @hub AND t.instance_id = @instance_id)
            RETURNING instance_id)
        INSERT INTO durable.new_events (hub, instance_id, event, event_type, visible_at, target_execution_id, created_at)
        SELECT @hub, created.instance_id, @event, @event_type, coalesce(@visible_at, 0), @target_execution_id, @now
        FROM created
        """;

    /// <summary>The row an instance starts with, exactly as the in-memory store builds it.</summary>
    private static OrchestrationState NewState(string instanceId, ExecutionStartedEvent started, DateTimeOffset now)
        => new(instanceId, started.Name, started.ExecutionId, OrchestrationRuntimeStatus.Pending, now, now)
        {
            Version = started.Version,
            Input = started.Input,
            Tags = started.Tags,
            ScheduledStartTime = started.ScheduledStartTime,
            ParentInstanceId = started.Parent?.InstanceId,
        };

    /// <summary>
    /// Adds the checkpoint's messages in their order: a start message to another instance creates (or replaces)
    /// it, everything else is queued for an existing instance. Consecutive plain messages share one statement.
    /// </summary>
    private void AddMessages(NpgsqlBatch batch, IReadOnlyList<OrchestrationMessage> messages, string checkpointingInstanceId, DateTimeOffset now)
    {
        var pending = new List<OrchestrationMessage>();
        foreach (var message in messages)
        {
            if (message.Event is ExecutionStartedEvent started && message.InstanceId != checkpointingInstanceId)
            {
                this.AddEnqueue(batch, pending, now);
                pending.Clear();
                this.AddStartSubOrchestration(batch, message, started, now);
            }
            else
            {
                pending.Add(message);
            }
        }

        this.AddEnqueue(batch, pending, now);
    }

    private void AddStartSubOrchestration(NpgsqlBatch batch, OrchestrationMessage startMessage, ExecutionStartedEvent started, DateTimeOffset now)
    {
        // Starts come from the engine with a parent; one without has nobody to tell about a collision.
        if (started.Parent is { } parent)
        {
            var failure = new TaskFailureDetails(
                typeof(OrchestrationAlreadyExistsException).FullName!, $"An orchestration with instance id '{startMessage.InstanceId}' is already running.");
            var collision = new SubOrchestrationInstanceFailedEvent(now, parent.TaskScheduledId, failure);
            batch.BatchCommands.Add(SqlParameters.Command(
                SubOrchestrationCollisionSql,
                SqlParameters.Text("hub", this.hub),
                SqlParameters.Text("instance_id", startMessage.InstanceId),
                SqlParameters.Text("parent_id", parent.InstanceId),
                SqlParameters.Text("parent_execution_id", parent.ExecutionId),
                SqlParameters.Jsonb("event", EventSerializer.Serialize(collision)),
                SqlParameters.Integer("event_type", (int)collision.EventType),
                SqlParameters.Time("now", now),
                SqlParameters.IntegerArray("terminal", TerminalStatuses)));
        }

        foreach (var sql in RemoveFinishedInstanceSql)
        {
            batch.BatchCommands.Add(SqlParameters.Command(
                sql, SqlParameters.Text("hub", this.hub), SqlParameters.Text("instance_id", startMessage.InstanceId), SqlParameters.IntegerArray("terminal", TerminalStatuses)));
        }

        batch.BatchCommands.Add(SqlParameters.Command(
            CreateSubOrchestrationSql,
            [
                SqlParameters.Text("hub", this.hub),
                SqlParameters.Text("instance_id", startMessage.InstanceId),
                .. StateReader.Parameters(NewState(startMessage.InstanceId, started, now)),
                SqlParameters.Jsonb("event", EventSerializer.Serialize(started)),
                SqlParameters.Integer("event_type", (int)started.EventType),
                SqlParameters.Ticks("visible_at", startMessage.VisibleAt),
                SqlParameters.Text("target_execution_id", startMessage.TargetExecutionId),
                SqlParameters.Time("now", now),
            ]));
    }

    private void AddCreateOrReplace(NpgsqlBatch batch, OrchestrationMessage startMessage, ExecutionStartedEvent started, DateTimeOffset now)
    {
        foreach (var sql in RemoveInstanceSql)
        {
            batch.BatchCommands.Add(SqlParameters.Command(sql, SqlParameters.Text("hub", this.hub), SqlParameters.Text("instance_id", startMessage.InstanceId)));
        }

        batch.BatchCommands.Add(SqlParameters.Command(
            InsertInstanceSql,
            [SqlParameters.Text("hub", this.hub), SqlParameters.Text("instance_id", startMessage.InstanceId), .. StateReader.Parameters(NewState(startMessage.InstanceId, started, now))]));
        this.AddEnqueue(batch, [startMessage], now);
    }

    /// <summary>Adds one statement that queues the messages (none when empty); its row count is how many were delivered.</summary>
    private NpgsqlBatchCommand? AddEnqueue(NpgsqlBatch batch, IReadOnlyList<OrchestrationMessage> messages, DateTimeOffset now)
    {
        if (messages.Count == 0)
        {
            return null;
        }

        var command = SqlParameters.Command(
            EnqueueSql,
            SqlParameters.Text("hub", this.hub),
            SqlParameters.Time("now", now),
            SqlParameters.TextArray("instance_ids", [.. messages.Select(m => m.InstanceId)]),
            SqlParameters.JsonbArray("events", [.. messages.Select(m => EventSerializer.Serialize(m.Event))]),
            SqlParameters.IntegerArray("event_types", [.. messages.Select(m => (int)m.Event.EventType)]),
            SqlParameters.TicksArray("visible_ats", [.. messages.Select(m => m.VisibleAt?.UtcTicks)]),
            SqlParameters.TextArray("target_execution_ids", [.. messages.Select(m => m.TargetExecutionId)]));
        batch.BatchCommands.Add(command);
        return command;
    }
}
