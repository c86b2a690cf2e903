using DurableTask.Core;

namespace PaymentFunctions.DurableTask.Postgres;

/// <summary>An activity work item with its task row and lease token.</summary>
internal sealed class PostgresActivityWorkItem : TaskActivityWorkItem
{
    public required long TaskId { get; init; }

    public required Guid LockToken { get; init; }

    /// <summary>How many times the task was handed out (this one included).</summary>
    public required int DequeueCount { get; init; }
}
