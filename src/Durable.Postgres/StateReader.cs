using Npgsql;
using PaymentFunctions.Durable.Client;
using PaymentFunctions.Durable.Storage;

namespace PaymentFunctions.Durable.Postgres;

/// <summary>The instance columns every read selects, in one order, and their mapping to <see cref="OrchestrationState"/>.</summary>
internal static class StateReader
{
    /// <summary>The number of columns <see cref="Columns"/> selects.</summary>
    public const int ColumnCount = 15;

    /// <summary>The select list for an alias of <c>durable.instances</c>; payloads are selected as nulls when not wanted.</summary>
    public static string Columns(string alias, bool includePayloads = true)
    {
        var payloads = includePayloads
            ? $"{alias}.input, {alias}.output, {alias}.custom_status"
            : "NULL::text, NULL::text, NULL::text";
        return $"{alias}.instance_id, {alias}.execution_id, {alias}.name, {alias}.version, {alias}.status, {alias}.created_at, "
            + $"{alias}.last_updated_at, {alias}.completed_at, {alias}.scheduled_start_time, {payloads}, "
            + $"{alias}.failure_details::text, {alias}.tags::text, {alias}.parent_instance_id";
    }

    public static OrchestrationState Read(NpgsqlDataReader reader, int offset = 0) => new(
        reader.GetString(offset),
        reader.GetString(offset + 2),
        reader.GetString(offset + 1),
        (OrchestrationRuntimeStatus)reader.GetInt32(offset + 4),
        SqlParameters.FromTicks(reader.GetInt64(offset + 5)),
        SqlParameters.FromTicks(reader.GetInt64(offset + 6)))
    {
        Version = NullableString(reader, offset + 3),
        CompletedAt = NullableTime(reader, offset + 7),
        ScheduledStartTime = NullableTime(reader, offset + 8),
        Input = NullableString(reader, offset + 9),
        Output = NullableString(reader, offset + 10),
        CustomStatus = NullableString(reader, offset + 11),
        FailureDetails = EventSerializer.DeserializeFailure(NullableString(reader, offset + 12)),
        Tags = EventSerializer.DeserializeTags(NullableString(reader, offset + 13)),
        ParentInstanceId = NullableString(reader, offset + 14),
    };

    /// <summary>The parameters that write a state's columns (everything but the keys and the lease).</summary>
    public static IEnumerable<NpgsqlParameter> Parameters(OrchestrationState state)
    {
        yield return SqlParameters.Text("execution_id", state.ExecutionId);
        yield return SqlParameters.Text("name", state.Name);
        yield return SqlParameters.Text("version", state.Version);
        yield return SqlParameters.Integer("status", (int)state.Status);
        yield return SqlParameters.Ticks("created_at", state.CreatedAt);
        yield return SqlParameters.Ticks("last_updated_at", state.LastUpdatedAt);
        yield return SqlParameters.Ticks("completed_at", state.CompletedAt);
        yield return SqlParameters.Ticks("scheduled_start_time", state.ScheduledStartTime);
        yield return SqlParameters.Text("input", state.Input);
        yield return SqlParameters.Text("output", state.Output);
        yield return SqlParameters.Text("custom_status", state.CustomStatus);
        yield return SqlParameters.Jsonb("failure_details", EventSerializer.SerializeFailure(state.FailureDetails));
        yield return SqlParameters.Jsonb("tags", EventSerializer.SerializeTags(state.Tags));
        yield return SqlParameters.Text("parent_instance_id", state.ParentInstanceId);
    }

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset? NullableTime(NpgsqlDataReader reader, int ordinal)
        => reader.IsDBNull(ordinal) ? null : SqlParameters.FromTicks(reader.GetInt64(ordinal));
}
