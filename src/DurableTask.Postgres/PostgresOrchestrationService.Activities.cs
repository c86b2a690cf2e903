using DurableTask.Core;
using DurableTask.Core.History;
using Microsoft.Extensions.Logging;
using Npgsql;
using PaymentFunctions.DurableTask.Postgres.Notifications;
using PaymentFunctions.DurableTask.Postgres.Storage;

namespace PaymentFunctions.DurableTask.Postgres;

/// <summary>Activity work items: lock, complete, abandon, renew, and poison tasks.</summary>
public sealed partial class PostgresOrchestrationService
{
    // Commits asynchronously when it locked a task (see AsynchronousCommitSql); finding none writes nothing.
    private const string LockTaskSql = $"""
        WITH picked AS (
            SELECT id FROM __schema__.tasks
            WHERE hub = @hub AND locked_until <= @now
            ORDER BY id
            LIMIT 1
            FOR UPDATE SKIP LOCKED)
        UPDATE __schema__.tasks t
        SET lock_token = @token, locked_until = @until, dequeue_count = t.dequeue_count + 1
        FROM picked
        WHERE t.id = picked.id
        RETURNING t.id, t.message, t.dequeue_count, {AsynchronousCommitSql}
        """;

    private const string DeleteLockedTaskSql = """
        WITH deleted AS (
            DELETE FROM __schema__.tasks WHERE id = @id AND lock_token = @token
            RETURNING 1)
        SELECT __schema__.assert_lease_held(count(*)) FROM deleted
        """;

    private const string RenewTaskSql = "UPDATE __schema__.tasks SET locked_until = @until WHERE id = @id AND lock_token = @token";

    private const string AbandonTaskSql = "UPDATE __schema__.tasks SET lock_token = NULL, locked_until = @until WHERE id = @id AND lock_token = @token";

    /// <inheritdoc />
    public async Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        this.listener.EnsureStarted();
        return (await this.PollAsync(this.listener.Activities, this.TryLockActivityAsync, receiveTimeout, cancellationToken).ConfigureAwait(false))!;
    }

    /// <inheritdoc />
    public async Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem)
    {
        var item = AsOwn(workItem);
        var until = DateTime.UtcNow + this.settings.WorkItemLockTimeout;
        if (await this.UpdateTaskLeaseAsync(RenewTaskSql, item, until).ConfigureAwait(false) == 0)
        {
            throw new InvalidOperationException($"The lease on activity task {item.TaskId} of orchestration '{item.TaskMessage.OrchestrationInstance.InstanceId}' was lost to another worker.");
        }

        item.LockedUntilUtc = until;
        return item;
    }

    /// <inheritdoc />
    public Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage) =>
        this.CompleteTaskAsync(AsOwn(workItem), responseMessage);

    /// <inheritdoc />
    public async Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem)
    {
        var item = AsOwn(workItem);
        await this.UpdateTaskLeaseAsync(AbandonTaskSql, item, DateTime.UtcNow + this.AbandonBackoff(item.DequeueCount)).ConfigureAwait(false);
    }

    private static PostgresActivityWorkItem AsOwn(TaskActivityWorkItem workItem) =>
        workItem as PostgresActivityWorkItem
        ?? throw new ArgumentException("The work item was not locked by a PostgresOrchestrationService.", nameof(workItem));

    private async Task<int> UpdateTaskLeaseAsync(string sql, PostgresActivityWorkItem item, DateTime until)
    {
        var command = this.dataSource.CreateCommand(this.Sql(sql));
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.AddRange((NpgsqlParameter[])[
                SqlParameters.Bigint("id", item.TaskId), SqlParameters.Uuid("token", item.LockToken), SqlParameters.Bigint("until", Ticks.From(until))]);
            return await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Deletes the task and enqueues its response in one transaction, only while the task is still ours.</summary>
    private async Task CompleteTaskAsync(PostgresActivityWorkItem item, TaskMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var batch = this.dataSource.CreateBatch();
        await using (batch.ConfigureAwait(false))
        {
            batch.BatchCommands.Add(SqlParameters.Command(
                this.Sql(DeleteLockedTaskSql), SqlParameters.Bigint("id", item.TaskId), SqlParameters.Uuid("token", item.LockToken)));
            var heldBack = new List<NotificationThrottle>(1);
            this.AddMessages(batch, [response], Ticks.From(DateTime.UtcNow), heldBack: heldBack);
            try
            {
                await batch.ExecuteNonQueryAsync().ConfigureAwait(false);
                heldBack.ForEach(t => t.HeldBack());
            }
            catch (PostgresException ex) when (ex.SqlState == LeaseLostState)
            {
                // Another worker took the task over after the lease ran out; its result is the one that counts.
                LogTaskLeaseLost(this.logger, item.TaskId, item.TaskMessage.OrchestrationInstance.InstanceId);
            }
        }
    }

    private async Task<(TaskActivityWorkItem? Item, DateTime? NextDue)> TryLockActivityAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = DateTime.UtcNow;
            var token = Guid.NewGuid();
            var until = now + this.settings.WorkItemLockTimeout;
            PostgresActivityWorkItem? item = null;
            var command = this.dataSource.CreateCommand(this.Sql(LockTaskSql));
            await using (command.ConfigureAwait(false))
            {
                command.Parameters.AddRange((NpgsqlParameter[])[
                    SqlParameters.Text("hub", this.hub), SqlParameters.Bigint("now", Ticks.From(now)),
                    SqlParameters.Uuid("token", token), SqlParameters.Bigint("until", Ticks.From(until))]);
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        var taskId = reader.GetInt64(0);
                        item = new PostgresActivityWorkItem
                        {
                            Id = taskId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                            TaskId = taskId,
                            TaskMessage = DurableJson.ToMessage(reader.GetString(1)),
                            DequeueCount = reader.GetInt32(2),
                            LockToken = token,
                            LockedUntilUtc = until,
                        };
                    }
                }
            }

            if (item is null)
            {
                return (null, null);
            }

            if (item.DequeueCount <= this.settings.MaxDequeueCount)
            {
                return (item, null);
            }

            await this.FailPoisonTaskAsync(item).ConfigureAwait(false);
        }
    }

    /// <summary>A task handed out too often without completing fails back to its orchestration with the reason.</summary>
    private Task FailPoisonTaskAsync(PostgresActivityWorkItem item)
    {
        var scheduled = (TaskScheduledEvent)item.TaskMessage.Event;
        var instance = item.TaskMessage.OrchestrationInstance;
        var reason = $"Activity '{scheduled.Name}' (task {scheduled.EventId} of orchestration '{instance.InstanceId}') is poison: " +
            $"it was handed out {item.DequeueCount} times without completing (the limit is {this.settings.MaxDequeueCount}).";
        LogPoisonTask(this.logger, scheduled.Name ?? "", instance.InstanceId, item.DequeueCount);
        var failure = new FailureDetails("PoisonMessage", reason, null, null, true);
        return this.CompleteTaskAsync(item, new TaskMessage
        {
            Event = new TaskFailedEvent(-1, scheduled.EventId, reason, null, failure),
            OrchestrationInstance = instance,
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The lease on activity task {TaskId} of orchestration {InstanceId} was lost; its result was dropped")]
    private static partial void LogTaskLeaseLost(ILogger logger, long taskId, string instanceId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Activity {Name} of orchestration {InstanceId} is poison after {DequeueCount} hand-outs; failing it")]
    private static partial void LogPoisonTask(ILogger logger, string name, string instanceId, int dequeueCount);
}
