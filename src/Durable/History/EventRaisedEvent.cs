namespace PaymentFunctions.Durable.History;

/// <summary>An external event delivered to the instance.</summary>
public sealed record EventRaisedEvent(
    DateTimeOffset Timestamp,
    string Name,
    string? Input) : HistoryEvent(-1, Timestamp)
{
    /// <inheritdoc />
    public override EventType EventType => EventType.EventRaised;
}
