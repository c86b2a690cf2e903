using DurableTask.Core;

namespace PaymentFunctions.DurableTask.Postgres;

/// <summary>An orchestration work item with what completing it needs: the lease token and the messages it consumed.</summary>
internal sealed class PostgresOrchestrationWorkItem : TaskOrchestrationWorkItem
{
    public required Guid LockToken { get; init; }

    /// <summary>Every visible message read with the work item, including those handed to DTFx and those dropped.</summary>
    public required long[] MessageIds { get; init; }

    /// <summary>The execution whose history was loaded (null when none was); a different one on completion replaces it.</summary>
    public required string? LoadedExecutionId { get; init; }

    /// <summary>The stored history the episode started from, serialized as in the database.</summary>
    public required string[] LoadedHistory { get; init; }

    /// <summary>How many times the instance was handed out since its last completed episode (this one included).</summary>
    public required int DequeueCount { get; init; }

    /// <summary>Set once completed or abandoned, so the release after it needs no round trip.</summary>
    public bool Settled { get; set; }
}
