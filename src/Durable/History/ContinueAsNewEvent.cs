namespace PaymentFunctions.Durable.History;

/// <summary>Ends an execution that continues as new with a fresh history.</summary>
public sealed record ContinueAsNewEvent(
    DateTimeOffset Timestamp,
    string? Input) : HistoryEvent(-1, Timestamp)
{
    /// <inheritdoc />
    public override EventType EventType => EventType.ContinueAsNew;
}
