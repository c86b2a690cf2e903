namespace PaymentFunctions.Durable.History;

/// <summary>Records that the orchestrator sent an event to another instance.</summary>
public sealed record EventSentEvent(
    int EventId,
    DateTimeOffset Timestamp,
    string InstanceId,
    string Name,
    string? Input) : HistoryEvent(EventId, Timestamp)
{
    /// <inheritdoc />
    public override EventType EventType => EventType.EventSent;
}
