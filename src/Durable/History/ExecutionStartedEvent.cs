namespace PaymentFunctions.Durable.History;

/// <summary>Starts an execution. Its arrival creates the instance, and it opens every execution's history.</summary>
/// <param name="Generation">How many times the instance has continued as new; part of idempotency keys.</param>
public sealed record ExecutionStartedEvent(
    DateTimeOffset Timestamp,
    string Name,
    string? Version,
    string? Input,
    string ExecutionId,
    ParentInstanceInfo? Parent = null,
    IReadOnlyDictionary<string, string>? Tags = null,
    DateTimeOffset? ScheduledStartTime = null,
    int Generation = 0) : HistoryEvent(-1, Timestamp)
{
    /// <inheritdoc />
    public override EventType EventType => EventType.ExecutionStarted;
}
