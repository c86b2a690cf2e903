using System.Diagnostics;
using DurableTask.Core;
using DurableTask.Core.History;
using DurableTask.Core.Tracing;
using Microsoft.Extensions.Logging;
using Npgsql;
using PaymentFunctions.DurableTask.Postgres.Notifications;
using PaymentFunctions.DurableTask.Postgres.Storage;

namespace PaymentFunctions.DurableTask.Postgres;

/// <summary>Orchestration work items: lock, checkpoint, abandon, renew, release, and poison instances.</summary>
public sealed partial class PostgresOrchestrationService
{
    // One probe of the ready queue: the instance ready longest (its ready_at also keeps leased instances and Pending
    // ones without a visible start out). FOR NO KEY UPDATE leaves the key-share locks of foreign keys unblocked; a row
    // another worker picked meanwhile fails the recheck of ready_at and is passed over, as a locked one is skipped.
    // While leased, ready_at is the lease's end, so a crashed worker's instance comes back when its lease runs out.
    // It also answers when the next instance falls due (for the poll's wait) and commits asynchronously.
    private const string LockOrchestrationSql = $"""
        WITH picked AS (
            SELECT instance_id
            FROM __schema__.instances
            WHERE hub = @hub AND ready_at IS NOT NULL AND ready_at <= @now
            ORDER BY ready_at
            LIMIT 1
            FOR NO KEY UPDATE SKIP LOCKED
        ), locked AS (
            UPDATE __schema__.instances i
            SET lock_token = @token, locked_until = @until, ready_at = @until, dequeue_count = i.dequeue_count + 1
            FROM picked p
            WHERE i.hub = @hub AND i.instance_id = p.instance_id
            RETURNING 1
        )
        SELECT count(*),
            (SELECT min(ready_at) FROM __schema__.instances WHERE hub = @hub AND ready_at > @now),
            {AsynchronousCommitSql}
        FROM locked
        """;

    // A statement of its own, so it reads with a snapshot taken after the lock: the pick above may have seen the
    // instance through a snapshot older than another worker's checkpoint of it, whose consumed messages that snapshot
    // still shows. The history is only counted (one index probe): it is read separately unless the cache holds it.
    // The row is found through the ready index: the pick set ready_at to the lease's end, and nothing moves it while
    // the lease is held but a renewal (there is no index on the token).
    private const string LoadLockedSql = """
        SELECT i.instance_id, i.status, i.dequeue_count, i.execution_id,
            coalesce((SELECT max(h.sequence_number) + 1 FROM __schema__.history h
                      WHERE h.hub = @hub AND h.instance_id = i.instance_id AND h.execution_id = i.execution_id), 0),
            ARRAY(SELECT m.id FROM __schema__.messages m
                  WHERE m.hub = @hub AND m.instance_id = i.instance_id AND m.visible_at <= @now ORDER BY m.id),
            ARRAY(SELECT m.message FROM __schema__.messages m
                  WHERE m.hub = @hub AND m.instance_id = i.instance_id AND m.visible_at <= @now ORDER BY m.id)
        FROM __schema__.instances i
        WHERE i.hub = @hub AND i.ready_at = @until AND i.lock_token = @token
        """;

    private const string LoadHistorySql = """
        SELECT ARRAY(SELECT h.event FROM __schema__.history h
                     WHERE h.hub = @hub AND h.instance_id = @instance_id AND h.execution_id = @execution_id
                     ORDER BY h.sequence_number)
        """;

    // Deletes the consumed messages and recomputes ready_at from the others, after a statement before it in the
    // transaction released the lease (and so locked the row): this statement's snapshot then holds every message
    // committed before the lock, and a sender still uncommitted waits for the row and lowers ready_at after this
    // commits, as messages the transaction sends itself later do. The deleted rows are still in the snapshot, hence
    // the id filter.
    private static readonly string ConsumeAndRefreshReadySql = $"""
        WITH consumed AS (
            DELETE FROM __schema__.messages WHERE hub = @hub AND id = ANY(@consumed))
        UPDATE __schema__.instances i
        SET ready_at = (
            SELECT greatest(min(m.visible_at), @now)
            FROM __schema__.messages m
            WHERE m.hub = @hub AND m.instance_id = @instance_id AND m.id <> ALL(@consumed)
              AND (i.status <> {(int)OrchestrationStatus.Pending} OR m.event_type = {(int)EventType.ExecutionStarted})
            HAVING count(*) > 0)
        WHERE i.hub = @hub AND i.instance_id = @instance_id
        """;

    private const string CheckpointInstanceSql = """
        WITH updated AS (
            UPDATE __schema__.instances
            SET execution_id = @execution_id, name = @name, version = @version, status = @status,
                last_updated_at = @now, completed_at = @completed_at, scheduled_start_at = @scheduled_start_at,
                input = @input, output = @output, custom_status = @custom_status, failure_details = @failure_details,
                tags = @tags, parent_instance = @parent_instance,
                lock_token = NULL, locked_until = 0, dequeue_count = 0
            WHERE hub = @hub AND instance_id = @instance_id AND lock_token = @token
            RETURNING 1)
        SELECT __schema__.assert_lease_held(count(*)) FROM updated
        """;

    private const string ReleaseCheckedSql = """
        WITH updated AS (
            UPDATE __schema__.instances SET lock_token = NULL, locked_until = 0, dequeue_count = 0
            WHERE hub = @hub AND instance_id = @instance_id AND lock_token = @token
            RETURNING 1)
        SELECT __schema__.assert_lease_held(count(*)) FROM updated
        """;

    private const string DeleteHistorySql = "DELETE FROM __schema__.history WHERE hub = @hub AND instance_id = @instance_id";

    private const string AppendHistorySql = """
        INSERT INTO __schema__.history (hub, instance_id, execution_id, sequence_number, event_type, event)
        SELECT @hub, @instance_id, @execution_id, @first + h.ord::integer - 1, h.event_type, h.event
        FROM unnest(@event_types, @events) WITH ORDINALITY AS h(event_type, event, ord)
        """;

    // Its messages are still there: it is ready again when the backoff ends (a pick finding nothing visible then
    // recomputes ready_at).
    private const string AbandonOrchestrationSql = """
        UPDATE __schema__.instances SET lock_token = NULL, locked_until = @until, ready_at = @until
        WHERE hub = @hub AND instance_id = @instance_id AND lock_token = @token
        """;

    // Undoes a pick that found nothing to do, its hand-out included, so it never counts toward poison.
    private const string UnpickOrchestrationSql = """
        UPDATE __schema__.instances SET lock_token = NULL, locked_until = 0, dequeue_count = greatest(dequeue_count - 1, 0)
        WHERE hub = @hub AND instance_id = @instance_id AND lock_token = @token
        """;

    private const string RenewOrchestrationSql = """
        UPDATE __schema__.instances SET locked_until = @until, ready_at = @until
        WHERE hub = @hub AND instance_id = @instance_id AND lock_token = @token
        """;

    private static readonly HashSet<OrchestrationStatus> TerminalStatuses =
        [OrchestrationStatus.Completed, OrchestrationStatus.Failed, OrchestrationStatus.Terminated, OrchestrationStatus.Canceled];

    /// <inheritdoc />
    public async Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        this.listener.EnsureStarted();
        return (await this.PollAsync(this.listener.Orchestrations, this.TryLockOrchestrationAsync, receiveTimeout, cancellationToken).ConfigureAwait(false))!;
    }

    /// <inheritdoc />
    public async Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem)
    {
        var item = AsOwn(workItem);
        var until = DateTime.UtcNow + this.settings.WorkItemLockTimeout;
        var command = this.dataSource.CreateCommand(this.Sql(RenewOrchestrationSql));
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.AddRange((NpgsqlParameter[])[
                SqlParameters.Text("hub", this.hub), SqlParameters.Text("instance_id", item.InstanceId),
                SqlParameters.Uuid("token", item.LockToken), SqlParameters.Bigint("until", Ticks.From(until))]);
            if (await command.ExecuteNonQueryAsync().ConfigureAwait(false) == 0)
            {
                throw new InvalidOperationException($"The lease on orchestration '{item.InstanceId}' was lost to another worker.");
            }
        }

        item.LockedUntilUtc = until;
    }

    /// <inheritdoc />
    public Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState)
    {
        ArgumentNullException.ThrowIfNull(newOrchestrationRuntimeState);
        List<TaskMessage> toInstances = [.. orchestratorMessages ?? [], .. timerMessages ?? []];
        if (continuedAsNewMessage is not null)
        {
            toInstances.Add(continuedAsNewMessage);
        }

        return this.CheckpointAsync(AsOwn(workItem), newOrchestrationRuntimeState, outboundMessages ?? [], toInstances);
    }

    /// <inheritdoc />
    public async Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem)
    {
        var item = AsOwn(workItem);
        var until = DateTime.UtcNow + this.AbandonBackoff(item.DequeueCount);
        var command = this.dataSource.CreateCommand(this.Sql(AbandonOrchestrationSql));
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.AddRange((NpgsqlParameter[])[
                SqlParameters.Text("hub", this.hub), SqlParameters.Text("instance_id", item.InstanceId),
                SqlParameters.Uuid("token", item.LockToken), SqlParameters.Bigint("until", Ticks.From(until))]);
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        item.Settled = true;
    }

    /// <inheritdoc />
    public async Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem)
    {
        var item = AsOwn(workItem);
        if (item.Settled)
        {
            return;
        }

        var command = this.dataSource.CreateCommand(this.Sql(AbandonOrchestrationSql));
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.AddRange((NpgsqlParameter[])[
                SqlParameters.Text("hub", this.hub), SqlParameters.Text("instance_id", item.InstanceId),
                SqlParameters.Uuid("token", item.LockToken), SqlParameters.Bigint("until", 0)]);
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        item.Settled = true;
    }

    private static PostgresOrchestrationWorkItem AsOwn(TaskOrchestrationWorkItem workItem) =>
        workItem as PostgresOrchestrationWorkItem
        ?? throw new ArgumentException("The work item was not locked by a PostgresOrchestrationService.", nameof(workItem));

    /// <summary>Doubling from 100 ms per hand-out, up to the configured maximum.</summary>
    private TimeSpan AbandonBackoff(int dequeueCount)
    {
        var milliseconds = 100 * Math.Pow(2, Math.Clamp(dequeueCount - 1, 0, 20));
        return TimeSpan.FromMilliseconds(Math.Min(milliseconds, this.settings.MaxAbandonBackoff.TotalMilliseconds));
    }

    /// <summary>One attempt: the next work item, or none and when the next timer is due.</summary>
    private async Task<(TaskOrchestrationWorkItem? Item, DateTime? NextDue)> TryLockOrchestrationAsync(CancellationToken cancellationToken)
    {
        // Instances whose messages are all dropped (or that are poison) are settled here and the next one is tried.
        while (true)
        {
            var now = DateTime.UtcNow;
            var token = Guid.NewGuid();
            var until = now + this.settings.WorkItemLockTimeout;
            var batch = this.dataSource.CreateBatch();
            await using (batch.ConfigureAwait(false))
            {
                batch.BatchCommands.Add(SqlParameters.Command(
                    this.Sql(LockOrchestrationSql),
                    SqlParameters.Text("hub", this.hub), SqlParameters.Bigint("now", Ticks.From(now)),
                    SqlParameters.Uuid("token", token), SqlParameters.Bigint("until", Ticks.From(until))));
                batch.BatchCommands.Add(SqlParameters.Command(
                    this.Sql(LoadLockedSql),
                    SqlParameters.Text("hub", this.hub), SqlParameters.Bigint("now", Ticks.From(now)),
                    SqlParameters.Uuid("token", token), SqlParameters.Bigint("until", Ticks.From(until))));

                LockedInstance? locked = null;
                DateTime? nextDue;
                var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                    nextDue = reader.IsDBNull(1) ? null : Ticks.ToUtc(reader.GetInt64(1));
                    await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                    if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        locked = new LockedInstance(
                            reader.GetString(0),
                            (OrchestrationStatus)reader.GetInt32(1),
                            reader.GetInt32(2),
                            reader.IsDBNull(3) ? null : reader.GetString(3),
                            reader.GetInt32(4),
                            reader.GetFieldValue<long[]>(5),
                            reader.GetFieldValue<string[]>(6));
                    }
                }

                if (locked is null)
                {
                    return (null, nextDue);
                }

                if (locked.MessageIds.Length == 0)
                {
                    // The pick saw messages another worker's checkpoint had already consumed: let it go, try again.
                    await this.ReleaseLockAsync(locked.InstanceId, token).ConfigureAwait(false);
                    continue;
                }

                var history = await this.LoadHistoryAsync(locked, cancellationToken).ConfigureAwait(false);
                if (await this.PrepareWorkItemAsync(locked, history, token, until).ConfigureAwait(false) is { } item)
                {
                    return (item, null);
                }
            }
        }
    }

    /// <summary>
    /// Turns a locked instance into a work item, or settles it and returns null: messages for a finished instance are
    /// dropped (except a start, which begins a new execution, and a rewind of a failed one), and poison is failed.
    /// </summary>
    private async Task<PostgresOrchestrationWorkItem?> PrepareWorkItemAsync(LockedInstance locked, string[] storedHistory, Guid token, DateTime until)
    {
        var messages = Array.ConvertAll(locked.Messages, DurableJson.ToMessage);
        var history = Array.ConvertAll(storedHistory, DurableJson.ToEvent);
        var loaded = new OrchestrationRuntimeState(history);
        var loadedExecutionId = loaded.ExecutionStartedEvent?.OrchestrationInstance?.ExecutionId;
        IReadOnlyList<TaskMessage> handed = messages;
        var state = loaded;

        var startIndex = Array.FindIndex(messages, m => m.Event is ExecutionStartedEvent);
        if (TerminalStatuses.Contains(locked.Status) || history.Length == 0)
        {
            if (startIndex >= 0)
            {
                // A new execution (a first start, or a restart of a finished instance): the start leads the batch.
                state = new OrchestrationRuntimeState([]);
                handed = [messages[startIndex], .. messages.Skip(startIndex + 1)];
            }
            else if (locked.Status == OrchestrationStatus.Failed && messages.LastOrDefault(m => m.Event is ExecutionRewoundEvent) is { } rewind)
            {
                // DTFx rewinds a failed instance only when the rewind is the only message of the batch.
                handed = [rewind];
                EnsureTraceContext((ExecutionRewoundEvent)rewind.Event, loaded.ExecutionStartedEvent);
            }
            else
            {
                handed = [];
            }
        }

        var item = new PostgresOrchestrationWorkItem
        {
            InstanceId = locked.InstanceId,
            LockToken = token,
            MessageIds = locked.MessageIds,
            LoadedExecutionId = loadedExecutionId,
            LoadedHistory = storedHistory,
            DequeueCount = locked.DequeueCount,
            OrchestrationRuntimeState = state,
            NewMessages = [.. handed],
            LockedUntilUtc = until,
        };

        if (handed.Count == 0)
        {
            // Released without touching the instance row (its custom status is not part of the loaded state).
            LogMessagesDropped(this.logger, locked.InstanceId, messages.Length);
            await this.CheckpointAsync(item, new OrchestrationRuntimeState([]), [], []).ConfigureAwait(false);
            return null;
        }

        if (locked.DequeueCount > this.settings.MaxDequeueCount)
        {
            await this.FailPoisonAsync(item, loaded, handed).ConfigureAwait(false);
            return null;
        }

        return item;
    }

    /// <summary>The locked instance's stored history: from the cache when it holds exactly that, else from the database.</summary>
    private async Task<string[]> LoadHistoryAsync(LockedInstance locked, CancellationToken cancellationToken)
    {
        if (locked.HistoryCount == 0 || locked.ExecutionId is null)
        {
            return [];
        }

        if (this.historyCache?.TryGet(locked.InstanceId, locked.ExecutionId, locked.HistoryCount) is { } cached)
        {
            return cached;
        }

        var command = this.dataSource.CreateCommand(this.Sql(LoadHistorySql));
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.AddRange((NpgsqlParameter[])[
                SqlParameters.Text("hub", this.hub), SqlParameters.Text("instance_id", locked.InstanceId),
                SqlParameters.Text("execution_id", locked.ExecutionId)]);
            return (string[])(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
    }

    /// <summary>
    /// DTFx's rewind resets the start event's parent trace context and throws when there is none (an instance started
    /// without a trace listener has none). A rewind without one gets a fresh trace, which DTFx copies onto the start.
    /// </summary>
    private static void EnsureTraceContext(ExecutionRewoundEvent rewind, ExecutionStartedEvent? start)
    {
        if (rewind.ParentTraceContext is null && start?.ParentTraceContext is null)
        {
            rewind.ParentTraceContext = new DistributedTraceContext($"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-00");
        }
    }

    /// <summary>
    /// Fails an instance whose episodes keep failing to complete (abandoned or crashed too often), so it does not
    /// loop forever: the history gets a failed completion naming the reason and the parent, if any, hears of it.
    /// </summary>
    private async Task FailPoisonAsync(PostgresOrchestrationWorkItem item, OrchestrationRuntimeState loaded, IReadOnlyList<TaskMessage> handed)
    {
        var reason = $"Orchestration '{item.InstanceId}' is poison: its work item was handed out {item.DequeueCount} times " +
            $"without completing (the limit is {this.settings.MaxDequeueCount}).";
        LogPoisonOrchestration(this.logger, item.InstanceId, item.DequeueCount);

        var state = loaded.ExecutionStartedEvent is null || handed[0].Event is ExecutionStartedEvent ? new OrchestrationRuntimeState([]) : loaded;
        state.AddEvent(new OrchestratorStartedEvent(-1));
        if (state.ExecutionStartedEvent is null)
        {
            if (handed[0].Event is not ExecutionStartedEvent start)
            {
                await this.CheckpointAsync(item, new OrchestrationRuntimeState([]), [], []).ConfigureAwait(false);
                return;
            }

            state.AddEvent(start);
        }

        var failure = new FailureDetails("PoisonMessage", reason, null, null, true);
        state.AddEvent(new ExecutionCompletedEvent(-1, reason, OrchestrationStatus.Failed, failure));
        state.AddEvent(new OrchestratorCompletedEvent(-1));

        List<TaskMessage> toParent = [];
        if (state.ParentInstance is { } parent)
        {
            toParent.Add(new TaskMessage
            {
                Event = new SubOrchestrationInstanceFailedEvent(-1, parent.TaskScheduleId, reason, null, failure),
                OrchestrationInstance = parent.OrchestrationInstance,
            });
        }

        await this.CheckpointAsync(item, state, [], toParent).ConfigureAwait(false);
    }

    private async Task ReleaseLockAsync(string instanceId, Guid token)
    {
        var batch = this.dataSource.CreateBatch();
        await using (batch.ConfigureAwait(false))
        {
            batch.BatchCommands.Add(SqlParameters.Command(
                this.Sql(UnpickOrchestrationSql),
                SqlParameters.Text("hub", this.hub), SqlParameters.Text("instance_id", instanceId), SqlParameters.Uuid("token", token)));
            batch.BatchCommands.Add(this.ConsumeAndRefreshReady(instanceId, [], Ticks.From(DateTime.UtcNow)));
            await batch.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Follows the release of an instance's lease in its transaction: see <see cref="ConsumeAndRefreshReadySql"/>.</summary>
    private NpgsqlBatchCommand ConsumeAndRefreshReady(string instanceId, long[] consumed, long now) =>
        SqlParameters.Command(
            this.Sql(ConsumeAndRefreshReadySql),
            SqlParameters.Text("hub", this.hub), SqlParameters.Text("instance_id", instanceId),
            SqlParameters.BigintArray("consumed", consumed), SqlParameters.Bigint("now", now));

    /// <summary>
    /// Commits an episode in one implicit transaction (one batch): the instance row (only while the lease is still
    /// ours), the new history (all of it when the execution changed: continue-as-new, rewind), the consumed messages
    /// deleted, and the activity tasks, messages and timers it produced.
    /// </summary>
    private async Task CheckpointAsync(
        PostgresOrchestrationWorkItem item,
        OrchestrationRuntimeState state,
        IList<TaskMessage> activities,
        IReadOnlyList<TaskMessage> toInstances)
    {
        var now = Ticks.From(DateTime.UtcNow);
        var batch = this.dataSource.CreateBatch();
        await using (batch.ConfigureAwait(false))
        {
            var key = new[] { SqlParameters.Text("hub", this.hub), SqlParameters.Text("instance_id", item.InstanceId) };
            var start = state.ExecutionStartedEvent;
            string[]? committedHistory = null;
            if (start is null)
            {
                batch.BatchCommands.Add(SqlParameters.Command(this.Sql(ReleaseCheckedSql), [.. Clone(key), SqlParameters.Uuid("token", item.LockToken)]));
            }
            else
            {
                var executionId = start.OrchestrationInstance.ExecutionId;
                batch.BatchCommands.Add(SqlParameters.Command(
                    this.Sql(CheckpointInstanceSql), [.. Clone(key), SqlParameters.Uuid("token", item.LockToken), .. InstanceColumns(state, now)]));
                if (item.LoadedExecutionId is not null && item.LoadedExecutionId != executionId)
                {
                    batch.BatchCommands.Add(SqlParameters.Command(this.Sql(DeleteHistorySql), Clone(key)));
                }

                var first = state.PastEvents.Count;
                var events = state.Events.Skip(first).ToArray();
                var serialized = Array.ConvertAll(events, DurableJson.Serialize);
                if (events.Length > 0)
                {
                    batch.BatchCommands.Add(SqlParameters.Command(
                        this.Sql(AppendHistorySql),
                        [.. Clone(key),
                        SqlParameters.Text("execution_id", executionId),
                        SqlParameters.Integer("first", first),
                        SqlParameters.IntegerArray("event_types", [.. events.Select(e => (int)e.EventType)]),
                        SqlParameters.TextArray("events", serialized)]));
                }

                // What the database holds once this commits, when this worker knows all of it; finished ones are not kept.
                var kept = item.LoadedExecutionId == executionId ? item.LoadedHistory : [];
                if (!TerminalStatuses.Contains(state.OrchestrationStatus) && kept.Length == first)
                {
                    committedHistory = [.. kept, .. serialized];
                }
            }

            batch.BatchCommands.Add(this.ConsumeAndRefreshReady(item.InstanceId, item.MessageIds, now));
            var heldBack = new List<NotificationThrottle>(2);
            this.AddTasks(batch, activities, heldBack);
            this.AddMessages(batch, toInstances, now, heldBack: heldBack);
            try
            {
                await ExecuteRetryingDeadlocksAsync(batch).ConfigureAwait(false);
                heldBack.ForEach(t => t.HeldBack());
            }
            catch (PostgresException ex) when (this.ForgetHistory(item.InstanceId) && ex.SqlState == LeaseLostState)
            {
                LogOrchestrationLeaseLost(this.logger, item.InstanceId);
                throw new InvalidOperationException($"The lease on orchestration '{item.InstanceId}' was lost; the episode was not committed.", ex);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                LogDuplicateEpisode(this.logger, item.InstanceId);
                throw new InvalidOperationException($"Another worker already committed this episode of orchestration '{item.InstanceId}'.", ex);
            }

            if (committedHistory is not null)
            {
                this.historyCache?.Set(item.InstanceId, start!.OrchestrationInstance.ExecutionId, committedHistory);
            }
            else if (start is not null)
            {
                this.ForgetHistory(item.InstanceId);
            }
        }

        item.Settled = true;
    }

    /// <summary>
    /// Runs a checkpoint, again if PostgreSQL broke a deadlock by aborting it: checkpoints of two instances that message
    /// each other lock both rows in opposite orders. The aborted transaction left nothing behind, so it runs again as is.
    /// </summary>
    private static async Task ExecuteRetryingDeadlocksAsync(NpgsqlBatch batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await batch.ExecuteNonQueryAsync().ConfigureAwait(false);
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 3)
            {
            }
        }
    }

    /// <summary>Drops the cached history of an instance; true, so it can run inside an exception filter.</summary>
    private bool ForgetHistory(string instanceId)
    {
        this.historyCache?.Remove(instanceId);
        return true;
    }

    private static NpgsqlParameter[] Clone(NpgsqlParameter[] parameters) => [.. parameters.Select(p => p.Clone())];

    /// <summary>The instance row's columns from the runtime state, the one source of truth after an episode.</summary>
    private static NpgsqlParameter[] InstanceColumns(OrchestrationRuntimeState state, long now)
    {
        var status = state.OrchestrationStatus;
        var start = state.ExecutionStartedEvent!;
        long? completedAt = TerminalStatuses.Contains(status) ? Ticks.From(state.ExecutionCompletedEvent?.Timestamp ?? DateTime.UtcNow) : null;
        return
        [
            SqlParameters.Text("execution_id", start.OrchestrationInstance.ExecutionId),
            SqlParameters.Text("name", start.Name),
            SqlParameters.Text("version", start.Version),
            SqlParameters.Integer("status", (int)status),
            SqlParameters.Bigint("now", now),
            SqlParameters.Bigint("completed_at", completedAt),
            SqlParameters.Bigint("scheduled_start_at", start.ScheduledStartTime is { } t ? Ticks.From(t) : null),
            SqlParameters.Text("input", start.Input),
            SqlParameters.Text("output", state.ExecutionCompletedEvent?.Result),
            SqlParameters.Text("custom_status", state.Status),
            SqlParameters.Text("failure_details", DurableJson.SerializeOrNull(state.FailureDetails)),
            SqlParameters.Text("tags", DurableJson.SerializeOrNull(start.Tags)),
            SqlParameters.Text("parent_instance", DurableJson.SerializeOrNull(start.ParentInstance)),
        ];
    }

    private sealed record LockedInstance(
        string InstanceId, OrchestrationStatus Status, int DequeueCount, string? ExecutionId, int HistoryCount, long[] MessageIds, string[] Messages);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped {Count} message(s) for orchestration {InstanceId}, which has finished or does not exist")]
    private static partial void LogMessagesDropped(ILogger logger, string instanceId, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Orchestration {InstanceId} is poison after {DequeueCount} hand-outs; failing it")]
    private static partial void LogPoisonOrchestration(ILogger logger, string instanceId, int dequeueCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The lease on orchestration {InstanceId} was lost; its episode was not committed")]
    private static partial void LogOrchestrationLeaseLost(ILogger logger, string instanceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Another worker already committed this episode of orchestration {InstanceId}")]
    private static partial void LogDuplicateEpisode(ILogger logger, string instanceId);
}
