using DurableTask.Core;
using DurableTask.Core.Exceptions;
using DurableTask.Core.History;
using Npgsql;
using PaymentFunctions.DurableTask.Postgres.Storage;

namespace PaymentFunctions.DurableTask.Postgres;

/// <summary>The client side: starting, messaging, waiting for, terminating, rewinding and reading instances.</summary>
public sealed partial class PostgresOrchestrationService
{
    /// <summary>With no dedupe statuses given, an instance that is still pending or running is never replaced.</summary>
    private static readonly OrchestrationStatus[] DefaultDedupeStatuses = [OrchestrationStatus.Pending, OrchestrationStatus.Running];

    private static readonly TimeSpan MinWaitPoll = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxWaitPoll = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage) => this.CreateTaskOrchestrationAsync(creationMessage, null!);

    /// <inheritdoc />
    /// <remarks>
    /// An existing instance in one of <paramref name="dedupeStatuses"/> (Pending or Running when null) makes this throw
    /// <see cref="OrchestrationAlreadyExistsException"/>; any other existing instance is replaced with its history.
    /// A <see cref="ExecutionStartedEvent.ScheduledStartTime"/> keeps the instance Pending until then.
    /// </remarks>
    public async Task CreateTaskOrchestrationAsync(TaskMessage creationMessage, OrchestrationStatus[] dedupeStatuses)
    {
        ArgumentNullException.ThrowIfNull(creationMessage);
        var start = creationMessage.Event as ExecutionStartedEvent
            ?? throw new ArgumentException("A creation message carries an ExecutionStartedEvent.", nameof(creationMessage));
        var instanceId = creationMessage.OrchestrationInstance.InstanceId;
        var dedupe = dedupeStatuses ?? DefaultDedupeStatuses;

        // Two creators racing for a new id: the loser's insert hits the primary key and it retries, then sees the row.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await this.TryCreateAsync(creationMessage, start, instanceId, dedupe).ConfigureAwait(false);
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation && attempt < 3)
            {
            }
        }
    }

    private async Task TryCreateAsync(TaskMessage creationMessage, ExecutionStartedEvent start, string instanceId, OrchestrationStatus[] dedupe)
    {
        var connection = await this.dataSource.OpenConnectionAsync().ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var existing = new NpgsqlCommand(
                    this.Sql("SELECT status FROM __schema__.instances WHERE hub = @hub AND instance_id = @instance_id FOR UPDATE"), connection, transaction);
                await using (existing.ConfigureAwait(false))
                {
                    existing.Parameters.AddRange((NpgsqlParameter[])[SqlParameters.Text("hub", this.hub), SqlParameters.Text("instance_id", instanceId)]);
                    if (await existing.ExecuteScalarAsync().ConfigureAwait(false) is int status)
                    {
                        if (dedupe.Contains((OrchestrationStatus)status))
                        {
                            throw new OrchestrationAlreadyExistsException(
                                $"An orchestration with instance id '{instanceId}' already exists and is {(OrchestrationStatus)status}.");
                        }

                        existing.CommandText = this.Sql("DELETE FROM __schema__.instances WHERE hub = @hub AND instance_id = @instance_id");
                        await existing.ExecuteNonQueryAsync().ConfigureAwait(false);
                    }
                }

                var batch = new NpgsqlBatch(connection, transaction);
                await using (batch.ConfigureAwait(false))
                {
                    var now = Ticks.From(DateTime.UtcNow);
                    batch.BatchCommands.Add(this.InsertInstances([start], now, ""));
                    this.AddMessages(batch, [creationMessage], now, createInstances: false);
                    await batch.ExecuteNonQueryAsync().ConfigureAwait(false);
                }

                await transaction.CommitAsync().ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    public Task SendTaskOrchestrationMessageAsync(TaskMessage message) => this.SendTaskOrchestrationMessageBatchAsync(message);

    /// <inheritdoc />
    /// <remarks>Messages to instances that do not exist are dropped, except starts, which create them.</remarks>
    public async Task SendTaskOrchestrationMessageBatchAsync(params TaskMessage[] messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var batch = this.dataSource.CreateBatch();
        await using (batch.ConfigureAwait(false))
        {
            if (this.AddMessages(batch, messages, Ticks.From(DateTime.UtcNow)))
            {
                await batch.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Polls the instance row itself (50 ms, doubling to 1 s) until the instance is finished; returns null on timeout.
    /// The execution id is not compared: after continue-as-new the instance finishes under a newer one.
    /// </remarks>
    public async Task<OrchestrationState> WaitForOrchestrationAsync(string instanceId, string executionId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var deadline = DateTime.UtcNow + timeout;
        var interval = MinWaitPoll;
        while (true)
        {
            var state = await this.GetStateAsync(instanceId, true, cancellationToken).ConfigureAwait(false);
            if (state is not null && TerminalStatuses.Contains(state.OrchestrationStatus))
            {
                return state;
            }

            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                return null!;
            }

            await Task.Delay(Min(interval, remaining), cancellationToken).ConfigureAwait(false);
            interval = Min(interval * 2, MaxWaitPoll);
        }
    }

    /// <inheritdoc />
    public Task ForceTerminateTaskOrchestrationAsync(string instanceId, string reason) =>
        this.SendTaskOrchestrationMessageAsync(new TaskMessage
        {
            Event = new ExecutionTerminatedEvent(-1, reason),
            OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId },
        });

    /// <summary>
    /// Rewinds a failed instance: its failed activities and sub-orchestrations run again (DTFx core rewrites the
    /// history under a new execution id) and the rest of its history is kept. Same name as the Azure Storage provider's.
    /// </summary>
    /// <exception cref="InvalidOperationException">The instance does not exist or has not failed.</exception>
    public async Task RewindTaskOrchestrationAsync(string instanceId, string reason)
    {
        var state = await this.GetStateAsync(instanceId, false, CancellationToken.None).ConfigureAwait(false);
        if (state?.OrchestrationStatus != OrchestrationStatus.Failed)
        {
            throw new InvalidOperationException(
                $"Only a failed orchestration can be rewound; '{instanceId}' is {(state is null ? "missing" : state.OrchestrationStatus.ToString())}.");
        }

        await this.SendTaskOrchestrationMessageAsync(new TaskMessage
        {
            Event = new ExecutionRewoundEvent(-1, reason),
            OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId },
        }).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>Only the latest execution is kept, so the list holds one state, or none for a missing instance.</remarks>
    public async Task<IList<OrchestrationState>> GetOrchestrationStateAsync(string instanceId, bool allExecutions) =>
        await this.GetStateAsync(instanceId, true, CancellationToken.None).ConfigureAwait(false) is { } state ? [state] : [];

    /// <inheritdoc />
    public async Task<OrchestrationState> GetOrchestrationStateAsync(string instanceId, string executionId)
    {
        var state = await this.GetStateAsync(instanceId, true, CancellationToken.None).ConfigureAwait(false);
        return (string.IsNullOrEmpty(executionId) || state?.OrchestrationInstance.ExecutionId == executionId ? state : null)!;
    }

    /// <inheritdoc />
    /// <remarks>A JSON array of DTFx <see cref="HistoryEvent"/>s with type names (DTFx's <c>JsonDataConverter</c>).</remarks>
    public async Task<string> GetOrchestrationHistoryAsync(string instanceId, string executionId)
    {
        var command = this.dataSource.CreateCommand(this.Sql("""
            SELECT event FROM __schema__.history
            WHERE hub = @hub AND instance_id = @instance_id AND (@execution_id IS NULL OR execution_id = @execution_id)
            ORDER BY sequence_number
            """));
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.AddRange((NpgsqlParameter[])[
                SqlParameters.Text("hub", this.hub), SqlParameters.Text("instance_id", instanceId),
                SqlParameters.Text("execution_id", string.IsNullOrEmpty(executionId) ? null : executionId)]);
            var events = new List<string>();
            var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync().ConfigureAwait(false))
                {
                    events.Add(reader.GetString(0));
                }
            }

            // Each element is already DTFx's serialization of the event: joined, they are the list's serialization.
            return "[" + string.Join(",", events) + "]";
        }
    }

    /// <summary>The instance's state, or null when it does not exist.</summary>
    private async Task<OrchestrationState?> GetStateAsync(string instanceId, bool inputsAndOutputs, CancellationToken cancellationToken)
    {
        var command = this.dataSource.CreateCommand(this.Sql(
            $"SELECT {InstanceRows.Columns(inputsAndOutputs)} FROM __schema__.instances WHERE hub = @hub AND instance_id = @instance_id"));
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.AddRange((NpgsqlParameter[])[SqlParameters.Text("hub", this.hub), SqlParameters.Text("instance_id", instanceId)]);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? InstanceRows.Read(reader) : null;
            }
        }
    }
}
