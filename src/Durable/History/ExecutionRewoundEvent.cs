namespace PaymentFunctions.Durable.History;

/// <summary>Rewinds a failed instance: its failed steps run again and it goes on from there.</summary>
public sealed record ExecutionRewoundEvent(
    DateTimeOffset Timestamp,
    string? Reason) : HistoryEvent(-1, Timestamp)
{
    /// <inheritdoc />
    public override EventType EventType => EventType.ExecutionRewound;
}
