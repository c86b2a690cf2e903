using System.Text;
using Npgsql;
using PaymentFunctions.Durable.Client;
using PaymentFunctions.Durable.History;
using PaymentFunctions.Durable.Storage;

namespace PaymentFunctions.Durable.Postgres;

/// <summary>Client operations: create, signal, read, query and purge instances.</summary>
public sealed partial class PostgresOrchestrationStore
{
    private static readonly int[] TerminalStatuses = [.. Enum.GetValues<OrchestrationRuntimeStatus>().Where(s => s.IsTerminal()).Select(s => (int)s)];

    // The common case, an id that is not taken yet, needs one statement.
    private const string CreateIfAbsentSql = """
        WITH created AS (
            INSERT INTO durable.instances (hub, instance_id, execution_id, name, version, status, created_at, last_updated_at,
                completed_at, scheduled_start_time, input, output, custom_status, failure_details, tags, parent_instance_id)
            VALUES (@hub, @instance_id, @execution_id, @name, @version, @status, @created_at, @last_updated_at,
                @completed_at, @scheduled_start_time, @input, @output, @custom_status, @failure_details, @tags, @parent_instance_id)
            ON CONFLICT (hub, instance_id) DO NOTHING
            RETURNING instance_id)
        INSERT INTO durable.new_events (hub, instance_id, event, event_type, visible_at, target_execution_id, created_at)
        SELECT @hub, created.instance_id, @event, @event_type, coalesce(@visible_at, 0), @target_execution_id, @now
        FROM created
        """;

    private const string LockExistingSql = "SELECT status FROM durable.instances WHERE hub = @hub AND instance_id = @instance_id FOR UPDATE";

    private const string HistorySql = "SELECT event::text FROM durable.history WHERE hub = @hub AND instance_id = @instance_id ORDER BY sequence_number";

    /// <inheritdoc />
    public async Task CreateInstanceAsync(OrchestrationMessage startMessage, IReadOnlyCollection<OrchestrationRuntimeStatus> dedupeStatuses, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(startMessage);
        ArgumentNullException.ThrowIfNull(dedupeStatuses);
        var started = startMessage.Event as ExecutionStartedEvent
            ?? throw new ArgumentException("A start message carries an ExecutionStartedEvent.", nameof(startMessage));
        await this.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);

        while (true)
        {
            var now = this.time.GetUtcNow();
            if (await this.TryCreateAbsentAsync(startMessage, started, now, cancellationToken).ConfigureAwait(false)
                || await this.TryReplaceExistingAsync(startMessage, started, dedupeStatuses, now, cancellationToken).ConfigureAwait(false))
            {
                this.SignalLocal(orchestrations: true, activities: false);
                return;
            }

            // The instance vanished between the two attempts (purged); start over.
        }
    }

    /// <inheritdoc />
    public async Task<bool> SendMessageAsync(OrchestrationMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await this.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = this.dataSource.CreateBatch();
        var enqueue = this.AddEnqueue(batch, [message], this.time.GetUtcNow())!;
        batch.BatchCommands.Add(this.Notify(orchestrations: true, activities: false));
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        this.SignalLocal(orchestrations: true, activities: false);
        return enqueue.RecordsAffected == 1;
    }

    /// <inheritdoc />
    public async Task<OrchestrationState?> GetInstanceAsync(string instanceId, bool includePayloads, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        await this.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        await using var command = this.dataSource.CreateCommand(
            $"SELECT {StateReader.Columns("i", includePayloads)} FROM durable.instances i WHERE i.hub = @hub AND i.instance_id = @instance_id");
        command.Parameters.Add(SqlParameters.Text("hub", this.hub));
        command.Parameters.Add(SqlParameters.Text("instance_id", instanceId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? StateReader.Read(reader) : null;
    }

    /// <inheritdoc />
    public async Task<InstanceQueryResult> QueryInstancesAsync(OrchestrationQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var after = InstanceCursor.Parse(query.ContinuationToken);
        await this.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        await using var command = this.dataSource.CreateCommand();
        var sql = new StringBuilder($"SELECT {StateReader.Columns("i", query.FetchInputsAndOutputs)} FROM durable.instances i WHERE i.hub = @hub");
        command.Parameters.Add(SqlParameters.Text("hub", this.hub));
        this.AddCreatedFilter(command, sql, query.CreatedFrom, query.CreatedTo, query.Statuses);
        if (query.InstanceIdPrefix is { } prefix)
        {
            sql.Append(" AND starts_with(i.instance_id, @prefix)");
            command.Parameters.Add(SqlParameters.Text("prefix", prefix));
        }

        if (after is not null)
        {
            sql.Append(" AND (i.created_at, i.instance_id) > (@after_created, @after_id)");
            command.Parameters.Add(SqlParameters.Ticks("after_created", after.CreatedAt));
            command.Parameters.Add(SqlParameters.Text("after_id", after.InstanceId));
        }

        sql.Append(" ORDER BY i.created_at, i.instance_id LIMIT @limit");
        command.Parameters.Add(SqlParameters.Integer("limit", Math.Max(query.PageSize, 0) + 1));
        command.CommandText = sql.ToString();

        var page = new List<OrchestrationState>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                page.Add(StateReader.Read(reader));
            }
        }

        var more = page.Count > query.PageSize;
        if (more)
        {
            page.RemoveAt(page.Count - 1);
        }

        var token = more && page.Count > 0 ? new InstanceCursor(page[^1].CreatedAt, page[^1].InstanceId).ToString() : null;
        return new InstanceQueryResult(page, token);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        await this.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        await using var command = this.dataSource.CreateCommand(HistorySql);
        command.Parameters.Add(SqlParameters.Text("hub", this.hub));
        command.Parameters.Add(SqlParameters.Text("instance_id", instanceId));
        var history = new List<HistoryEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            history.Add(EventSerializer.Deserialize(reader.GetString(0)));
        }

        return history;
    }

    /// <inheritdoc />
    public async Task<int> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        await this.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        await using var command = this.dataSource.CreateCommand();
        command.Parameters.Add(SqlParameters.Text("hub", this.hub));
        command.Parameters.Add(SqlParameters.Text("instance_id", instanceId));
        return await this.PurgeAsync(command, "i.instance_id = @instance_id", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<int> PurgeInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await this.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        await using var command = this.dataSource.CreateCommand();
        command.Parameters.Add(SqlParameters.Text("hub", this.hub));
        var conditions = new StringBuilder("TRUE");
        this.AddCreatedFilter(command, conditions, filter.CreatedFrom, filter.CreatedTo, filter.Statuses);
        return await this.PurgeAsync(command, conditions.ToString(), cancellationToken).ConfigureAwait(false);
    }

    private void AddCreatedFilter(NpgsqlCommand command, StringBuilder sql, DateTimeOffset? from, DateTimeOffset? to, IReadOnlyCollection<OrchestrationRuntimeStatus>? statuses)
    {
        if (from is { } createdFrom)
        {
            sql.Append(" AND i.created_at >= @created_from");
            command.Parameters.Add(SqlParameters.Ticks("created_from", createdFrom));
        }

        if (to is { } createdTo)
        {
            sql.Append(" AND i.created_at < @created_to");
            command.Parameters.Add(SqlParameters.Ticks("created_to", createdTo));
        }

        if (statuses is { Count: > 0 })
        {
            sql.Append(" AND i.status = ANY(@statuses)");
            command.Parameters.Add(SqlParameters.IntegerArray("statuses", [.. statuses.Select(s => (int)s)]));
        }
    }

    /// <summary>Deletes the finished instances matching the condition, with their history, messages and tasks.</summary>
    private async Task<int> PurgeAsync(NpgsqlCommand command, string condition, CancellationToken cancellationToken)
    {
        command.CommandText = $"""
            WITH purged AS (
                DELETE FROM durable.instances i
                WHERE i.hub = @hub AND {condition} AND i.status = ANY(@terminal)
                RETURNING i.instance_id),
            history AS (DELETE FROM durable.history x USING purged p WHERE x.hub = @hub AND x.instance_id = p.instance_id),
            events AS (DELETE FROM durable.new_events x USING purged p WHERE x.hub = @hub AND x.instance_id = p.instance_id),
            tasks AS (DELETE FROM durable.new_tasks x USING purged p WHERE x.hub = @hub AND x.instance_id = p.instance_id)
            SELECT count(*)::integer FROM purged
            """;
        command.Parameters.Add(SqlParameters.IntegerArray("terminal", TerminalStatuses));
        return (int)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private async Task<bool> TryCreateAbsentAsync(OrchestrationMessage startMessage, ExecutionStartedEvent started, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var batch = this.dataSource.CreateBatch();
        var create = SqlParameters.Command(
            CreateIfAbsentSql,
            [
                SqlParameters.Text("hub", this.hub),
                SqlParameters.Text("instance_id", startMessage.InstanceId),
                .. StateReader.Parameters(NewState(startMessage.InstanceId, started, now)),
                SqlParameters.Jsonb("event", EventSerializer.Serialize(started)),
                SqlParameters.Integer("event_type", (int)started.EventType),
                SqlParameters.Ticks("visible_at", startMessage.VisibleAt),
                SqlParameters.Time("now", now),
                SqlParameters.Text("target_execution_id", startMessage.TargetExecutionId),
            ]);
        batch.BatchCommands.Add(create);
        batch.BatchCommands.Add(this.Notify(orchestrations: true, activities: false));
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return create.RecordsAffected == 1;
    }

    /// <summary>Replaces an existing instance unless its status is one the caller dedupes on; false if it is gone.</summary>
    private async Task<bool> TryReplaceExistingAsync(
        OrchestrationMessage startMessage,
        ExecutionStartedEvent started,
        IReadOnlyCollection<OrchestrationRuntimeStatus> dedupeStatuses,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var connection = await this.dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        OrchestrationRuntimeStatus status;
        await using (var lockExisting = new NpgsqlCommand(LockExistingSql, connection, transaction))
        {
            lockExisting.Parameters.Add(SqlParameters.Text("hub", this.hub));
            lockExisting.Parameters.Add(SqlParameters.Text("instance_id", startMessage.InstanceId));
            if (await lockExisting.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not int current)
            {
                return false;
            }

            status = (OrchestrationRuntimeStatus)current;
        }

        if (dedupeStatuses.Contains(status))
        {
            throw new OrchestrationAlreadyExistsException(startMessage.InstanceId, status.ToString());
        }

        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            this.AddCreateOrReplace(batch, startMessage, started, now);
            batch.BatchCommands.Add(this.Notify(orchestrations: true, activities: false));
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }
}
