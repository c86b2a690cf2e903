namespace PaymentFunctions.Durable.History;

/// <summary>Resumes a suspended instance.</summary>
public sealed record ExecutionResumedEvent(
    DateTimeOffset Timestamp,
    string? Reason) : HistoryEvent(-1, Timestamp)
{
    /// <inheritdoc />
    public override EventType EventType => EventType.ExecutionResumed;
}
