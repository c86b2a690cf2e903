namespace PaymentFunctions.Durable.History;

/// <summary>The output of a sub-orchestration.</summary>
public sealed record SubOrchestrationInstanceCompletedEvent(
    DateTimeOffset Timestamp,
    int TaskScheduledId,
    string? Result) : HistoryEvent(-1, Timestamp)
{
    /// <inheritdoc />
    public override EventType EventType => EventType.SubOrchestrationInstanceCompleted;
}
