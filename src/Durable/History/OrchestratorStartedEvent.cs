namespace PaymentFunctions.Durable.History;

/// <summary>Opens an episode; its timestamp is the orchestrator's <c>CurrentUtcDateTime</c> while the episode replays.</summary>
public sealed record OrchestratorStartedEvent(
    DateTimeOffset Timestamp) : HistoryEvent(-1, Timestamp)
{
    /// <inheritdoc />
    public override EventType EventType => EventType.OrchestratorStarted;
}
