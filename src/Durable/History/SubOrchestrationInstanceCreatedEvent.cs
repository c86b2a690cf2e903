namespace PaymentFunctions.Durable.History;

/// <summary>Records that the orchestrator started a sub-orchestration.</summary>
public sealed record SubOrchestrationInstanceCreatedEvent(
    int EventId,
    DateTimeOffset Timestamp,
    string Name,
    string? Version,
    string InstanceId,
    string? Input) : HistoryEvent(EventId, Timestamp)
{
    /// <inheritdoc />
    public override EventType EventType => EventType.SubOrchestrationInstanceCreated;
}
