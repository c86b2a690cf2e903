namespace PaymentFunctions.Durable.History;

/// <summary>Asks a running instance to stop at once; <paramref name="Recurse"/> reaches its sub-orchestrations too.</summary>
public sealed record ExecutionTerminatedEvent(
    DateTimeOffset Timestamp,
    string? Output,
    bool Recurse) : HistoryEvent(-1, Timestamp)
{
    /// <inheritdoc />
    public override EventType EventType => EventType.ExecutionTerminated;
}
