namespace PaymentFunctions.Durable.History;

/// <summary>Closes an episode.</summary>
public sealed record OrchestratorCompletedEvent(
    DateTimeOffset Timestamp) : HistoryEvent(-1, Timestamp)
{
    /// <inheritdoc />
    public override EventType EventType => EventType.OrchestratorCompleted;
}
