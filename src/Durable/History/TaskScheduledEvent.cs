namespace PaymentFunctions.Durable.History;

/// <summary>Records that the orchestrator scheduled an activity.</summary>
/// <param name="StepId">The sequence id of the first attempt of this step; retries keep it, so idempotency keys stay stable.</param>
public sealed record TaskScheduledEvent(
    int EventId,
    DateTimeOffset Timestamp,
    string Name,
    string? Version,
    string? Input,
    int StepId,
    IReadOnlyDictionary<string, string>? Tags = null) : HistoryEvent(EventId, Timestamp)
{
    /// <inheritdoc />
    public override EventType EventType => EventType.TaskScheduled;
}
