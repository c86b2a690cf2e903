namespace PaymentFunctions.Durable.History;

/// <summary>The failure of a sub-orchestration.</summary>
public sealed record SubOrchestrationInstanceFailedEvent(
    DateTimeOffset Timestamp,
    int TaskScheduledId,
    TaskFailureDetails FailureDetails) : HistoryEvent(-1, Timestamp)
{
    /// <inheritdoc />
    public override EventType EventType => EventType.SubOrchestrationInstanceFailed;
}
