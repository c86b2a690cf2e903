namespace PaymentFunctions.Durable.History;

/// <summary>Ends an execution that failed.</summary>
public sealed record ExecutionFailedEvent(
    DateTimeOffset Timestamp,
    TaskFailureDetails FailureDetails) : HistoryEvent(-1, Timestamp)
{
    /// <inheritdoc />
    public override EventType EventType => EventType.ExecutionFailed;
}
