namespace PaymentFunctions.Durable.History;

/// <summary>The failure of an activity.</summary>
public sealed record TaskFailedEvent(
    DateTimeOffset Timestamp,
    int TaskScheduledId,
    TaskFailureDetails FailureDetails) : HistoryEvent(-1, Timestamp)
{
    /// <inheritdoc />
    public override EventType EventType => EventType.TaskFailed;
}
