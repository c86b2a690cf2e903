using PaymentFunctions.Durable.Client;

namespace PaymentFunctions.Durable.History;

/// <summary>Ends an execution that completed or was terminated, with its output.</summary>
public sealed record ExecutionCompletedEvent(
    DateTimeOffset Timestamp,
    OrchestrationRuntimeStatus Status,
    string? Result) : HistoryEvent(-1, Timestamp)
{
    /// <inheritdoc />
    public override EventType EventType => EventType.ExecutionCompleted;
}
