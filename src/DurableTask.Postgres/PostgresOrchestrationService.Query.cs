using System.Globalization;
using System.Text;
using DurableTask.Core;
using DurableTask.Core.Query;
using Npgsql;
using NpgsqlTypes;
using PaymentFunctions.DurableTask.Postgres.Storage;

namespace PaymentFunctions.DurableTask.Postgres;

/// <summary>Queries with keyset paging, and purges of finished instances.</summary>
public sealed partial class PostgresOrchestrationService
{
    private static readonly int[] TerminalStatusNumbers = [.. TerminalStatuses.Select(s => (int)s)];

    /// <inheritdoc />
    /// <remarks>
    /// Ordered by creation time, then instance id. The continuation token is opaque (the last row's key), so pages
    /// never skip or repeat an instance while others are created. <see cref="OrchestrationQuery.TaskHubNames"/> is
    /// ignored: this service serves one hub.
    /// </remarks>
    public async Task<OrchestrationQueryResult> GetOrchestrationWithQueryAsync(OrchestrationQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pageSize = query.PageSize > 0 ? query.PageSize : 100;
        var (afterCreated, afterId) = ParseContinuationToken(query.ContinuationToken);
        var command = this.dataSource.CreateCommand(this.Sql($"""
            SELECT {InstanceRows.Columns(query.FetchInputsAndOutputs)} FROM __schema__.instances
            WHERE hub = @hub
              AND (@statuses IS NULL OR status = ANY(@statuses))
              AND (@created_from IS NULL OR created_at >= @created_from)
              AND (@created_to IS NULL OR created_at <= @created_to)
              AND (@prefix IS NULL OR starts_with(instance_id, @prefix COLLATE "C"))
              AND (@after_created IS NULL OR (created_at, instance_id) > (@after_created, @after_id COLLATE "C"))
            ORDER BY created_at, instance_id
            LIMIT @limit
            """));
        await using (command.ConfigureAwait(false))
        {
            var statuses = query.RuntimeStatus is { Count: > 0 } s ? s.Select(x => (int)x).ToArray() : null;
            command.Parameters.AddRange((NpgsqlParameter[])[
                SqlParameters.Text("hub", this.hub),
                new NpgsqlParameter("statuses", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = (object?)statuses ?? DBNull.Value },
                SqlParameters.Bigint("created_from", query.CreatedTimeFrom is { } from ? Ticks.From(from) : null),
                SqlParameters.Bigint("created_to", query.CreatedTimeTo is { } to ? Ticks.From(to) : null),
                SqlParameters.Text("prefix", string.IsNullOrEmpty(query.InstanceIdPrefix) ? null : query.InstanceIdPrefix),
                SqlParameters.Bigint("after_created", afterCreated),
                SqlParameters.Text("after_id", afterId),
                SqlParameters.Integer("limit", pageSize + 1)]);
            var states = new List<OrchestrationState>();
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    states.Add(InstanceRows.Read(reader));
                }
            }

            string? continuation = null;
            if (states.Count > pageSize)
            {
                states.RemoveAt(states.Count - 1);
                var last = states[^1];
                continuation = ContinuationToken(Ticks.From(last.CreatedTime), last.OrchestrationInstance.InstanceId);
            }

            return new OrchestrationQueryResult(states, continuation);
        }
    }

    /// <inheritdoc />
    /// <remarks>Only finished instances (completed, failed, terminated, canceled) are purged.</remarks>
    public Task PurgeOrchestrationHistoryAsync(DateTime thresholdDateTimeUtc, OrchestrationStateTimeRangeFilterType timeRangeFilterType)
    {
        var column = timeRangeFilterType switch
        {
            OrchestrationStateTimeRangeFilterType.OrchestrationCreatedTimeFilter => "created_at",
            OrchestrationStateTimeRangeFilterType.OrchestrationCompletedTimeFilter => "completed_at",
            OrchestrationStateTimeRangeFilterType.OrchestrationLastUpdatedTimeFilter => "last_updated_at",
            _ => throw new ArgumentOutOfRangeException(nameof(timeRangeFilterType), timeRangeFilterType, "Unknown time range filter."),
        };
        return this.PurgeAsync($"{column} < @threshold", SqlParameters.Bigint("threshold", Ticks.From(thresholdDateTimeUtc)));
    }

    /// <inheritdoc />
    /// <remarks>Deletes the instance with its history and queued messages, only if it has finished.</remarks>
    public async Task<PurgeResult> PurgeInstanceStateAsync(string instanceId) =>
        new(await this.PurgeAsync("instance_id = @instance_id", SqlParameters.Text("instance_id", instanceId)).ConfigureAwait(false));

    /// <inheritdoc />
    /// <remarks>Of the statuses asked for, only the finished ones are purged; none asked for means all finished ones.</remarks>
    public async Task<PurgeResult> PurgeInstanceStateAsync(PurgeInstanceFilter purgeInstanceFilter)
    {
        ArgumentNullException.ThrowIfNull(purgeInstanceFilter);
        var statuses = purgeInstanceFilter.RuntimeStatus?.Where(TerminalStatuses.Contains).Select(s => (int)s).ToArray() ?? TerminalStatusNumbers;
        var count = await this.PurgeAsync(
            "created_at >= @created_from AND (@created_to IS NULL OR created_at <= @created_to) AND status = ANY(@purge_statuses)",
            SqlParameters.Bigint("created_from", Ticks.From(purgeInstanceFilter.CreatedTimeFrom)),
            SqlParameters.Bigint("created_to", purgeInstanceFilter.CreatedTimeTo is { } to ? Ticks.From(to) : null),
            SqlParameters.IntegerArray("purge_statuses", statuses)).ConfigureAwait(false);
        return new PurgeResult(count, true);
    }

    private async Task<int> PurgeAsync(string condition, params NpgsqlParameter[] parameters)
    {
        // History, messages and tasks go with the instance rows (ON DELETE CASCADE).
        var command = this.dataSource.CreateCommand(this.Sql(
            $"DELETE FROM __schema__.instances WHERE hub = @hub AND status = ANY(@terminal) AND {condition}"));
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.AddRange((NpgsqlParameter[])[SqlParameters.Text("hub", this.hub), SqlParameters.IntegerArray("terminal", TerminalStatusNumbers), .. parameters]);
            return await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
    }

    private static string ContinuationToken(long createdTicks, string instanceId) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(createdTicks.ToString(CultureInfo.InvariantCulture) + ":" + instanceId));

    private static (long? Created, string? InstanceId) ParseContinuationToken(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return (null, null);
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            var separator = text.IndexOf(':', StringComparison.Ordinal);
            return (long.Parse(text.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture), text[(separator + 1)..]);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentOutOfRangeException or OverflowException)
        {
            throw new ArgumentException("The continuation token was not issued by this service.", nameof(token), ex);
        }
    }
}
