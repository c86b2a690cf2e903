using DurableTask.Core;
using Npgsql;

namespace PaymentFunctions.DurableTask.Postgres.Storage;

/// <summary>Reading instance rows as DTFx's <see cref="OrchestrationState"/>.</summary>
internal static class InstanceRows
{
    /// <summary>The columns <see cref="Read"/> expects, in order; inputs and outputs only when asked for (they can be large).</summary>
    public static string Columns(bool inputsAndOutputs) =>
        "instance_id, execution_id, name, version, status, created_at, last_updated_at, completed_at, scheduled_start_at, " +
        (inputsAndOutputs ? "input, output" : "NULL::text, NULL::text") +
        ", custom_status, failure_details, tags, parent_instance";

    public static OrchestrationState Read(NpgsqlDataReader reader) => new()
    {
        OrchestrationInstance = new OrchestrationInstance { InstanceId = reader.GetString(0), ExecutionId = Text(reader, 1) },
        Name = reader.GetString(2),
        Version = Text(reader, 3),
        OrchestrationStatus = (OrchestrationStatus)reader.GetInt32(4),
        CreatedTime = Ticks.ToUtc(reader.GetInt64(5)),
        LastUpdatedTime = Ticks.ToUtc(reader.GetInt64(6)),
        // Not finished: default(DateTime) in UTC, as durabletask-mssql reports it.
        CompletedTime = reader.IsDBNull(7) ? DateTime.SpecifyKind(default, DateTimeKind.Utc) : Ticks.ToUtc(reader.GetInt64(7)),
        ScheduledStartTime = reader.IsDBNull(8) ? null : Ticks.ToUtc(reader.GetInt64(8)),
        Input = Text(reader, 9),
        Output = Text(reader, 10),
        Status = Text(reader, 11),
        FailureDetails = DurableJson.ToObject<FailureDetails>(Text(reader, 12)),
        Tags = DurableJson.ToObject<Dictionary<string, string>>(Text(reader, 13)),
        ParentInstance = DurableJson.ToObject<ParentInstance>(Text(reader, 14)),
    };

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
