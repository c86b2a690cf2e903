namespace PaymentFunctions.Durable.History;

/// <summary>Records that the orchestrator created a durable timer.</summary>
public sealed record TimerCreatedEvent(
    int EventId,
    DateTimeOffset Timestamp,
    DateTimeOffset FireAt) : HistoryEvent(EventId, Timestamp)
{
    /// <inheritdoc />
    public override EventType EventType => EventType.TimerCreated;
}
