namespace PaymentFunctions.Durable.History;

/// <summary>Suspends the instance: later events are kept but not delivered to the orchestrator until it resumes.</summary>
public sealed record ExecutionSuspendedEvent(
    DateTimeOffset Timestamp,
    string? Reason) : HistoryEvent(-1, Timestamp)
{
    /// <inheritdoc />
    public override EventType EventType => EventType.ExecutionSuspended;
}
