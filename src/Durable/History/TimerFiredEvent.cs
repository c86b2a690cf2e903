namespace PaymentFunctions.Durable.History;

/// <summary>A durable timer fired.</summary>
public sealed record TimerFiredEvent(
    DateTimeOffset Timestamp,
    int TimerId,
    DateTimeOffset FireAt) : HistoryEvent(-1, Timestamp)
{
    /// <inheritdoc />
    public override EventType EventType => EventType.TimerFired;
}
