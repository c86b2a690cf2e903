using Npgsql;
using PaymentFunctions.App.Hosting;

namespace PaymentFunctions.App.Triggers.Timer;

/// <summary>
/// Decides which app instance runs an occurrence: the first to insert the (hub, function, occurrence) row in
/// <c>functions.timer_leases</c> wins; a row whose run never finished can be taken over once its lease expired.
/// Also keeps each timer's last and next run in <c>functions.timer_status</c>.
/// </summary>
internal sealed class TimerLeaseStore(AppDatabase database) : ITimerTriggerMonitor
{
    private static readonly TimeSpan LeaseRetention = TimeSpan.FromDays(7);

    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Several instances start at once; the advisory lock keeps their CREATE statements from racing.
        await using var command = new NpgsqlCommand(
            """
            SELECT pg_advisory_xact_lock(hashtext('functions.timer_leases'));
            CREATE SCHEMA IF NOT EXISTS functions;
            CREATE TABLE IF NOT EXISTS functions.timer_leases (
                hub           text        NOT NULL,
                function_name text        NOT NULL,
                occurrence    timestamptz NOT NULL,
                owner         text        NOT NULL,
                leased_until  timestamptz NOT NULL,
                completed_at  timestamptz,
                PRIMARY KEY (hub, function_name, occurrence)
            );
            CREATE TABLE IF NOT EXISTS functions.timer_status (
                hub           text        NOT NULL,
                function_name text        NOT NULL,
                last_run      timestamptz,
                next_run      timestamptz,
                last_updated  timestamptz NOT NULL,
                PRIMARY KEY (hub, function_name)
            );
            """,
            connection,
            transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>True when this owner now holds the occurrence and should run it.</summary>
    public async Task<bool> TryAcquireAsync(string functionName, DateTimeOffset occurrence, string owner, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            """
            INSERT INTO functions.timer_leases AS l (hub, function_name, occurrence, owner, leased_until)
            VALUES ($1, $2, $3, $4, now() + $5)
            ON CONFLICT (hub, function_name, occurrence) DO UPDATE
                SET owner = excluded.owner, leased_until = excluded.leased_until
                WHERE l.completed_at IS NULL AND l.leased_until < now()
            RETURNING owner
            """);
        Add(command, database.HubName, functionName, occurrence.UtcDateTime, owner, leaseDuration);
        return await command.ExecuteScalarAsync(cancellationToken) is string holder && holder == owner;
    }

    /// <summary>Marks the occurrence done and records the status, never moving it backwards.</summary>
    public async Task CompleteAsync(string functionName, DateTimeOffset occurrence, string? owner, DateTimeOffset? next, CancellationToken cancellationToken)
    {
        await using var batch = database.DataSource.CreateBatch();
        if (owner is not null)
        {
            batch.BatchCommands.Add(Command(
                "UPDATE functions.timer_leases SET completed_at = now() WHERE hub = $1 AND function_name = $2 AND occurrence = $3 AND owner = $4",
                database.HubName, functionName, occurrence.UtcDateTime, owner));
            batch.BatchCommands.Add(Command(
                "DELETE FROM functions.timer_leases WHERE hub = $1 AND function_name = $2 AND occurrence < $3",
                database.HubName, functionName, (occurrence - LeaseRetention).UtcDateTime));
        }

        batch.BatchCommands.Add(Command(
            """
            INSERT INTO functions.timer_status AS s (hub, function_name, last_run, next_run, last_updated)
            VALUES ($1, $2, $3, $4, now())
            ON CONFLICT (hub, function_name) DO UPDATE
                SET last_run = excluded.last_run, next_run = excluded.next_run, last_updated = excluded.last_updated
                WHERE s.last_run IS NULL OR s.last_run <= excluded.last_run
            """,
            database.HubName, functionName, occurrence.UtcDateTime, (object?)next?.UtcDateTime ?? DBNull.Value));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<ScheduleStatus?> GetStatusAsync(string functionName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(functionName);
        await using var command = database.DataSource.CreateCommand(
            "SELECT last_run, next_run, last_updated FROM functions.timer_status WHERE hub = $1 AND function_name = $2");
        Add(command, database.HubName, functionName);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new ScheduleStatus(
            reader.IsDBNull(0) ? null : reader.GetFieldValue<DateTimeOffset>(0),
            reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1),
            reader.GetFieldValue<DateTimeOffset>(2));
    }

    /// <summary>How many runs of the occurrence were recorded as done (0 or 1); for tests and diagnostics.</summary>
    internal async Task<int> CountCompletedAsync(string functionName, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT count(*) FROM functions.timer_leases WHERE hub = $1 AND function_name = $2 AND completed_at IS NOT NULL");
        Add(command, database.HubName, functionName);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }

    private static void Add(NpgsqlCommand command, params object[] values)
    {
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
    }
}
