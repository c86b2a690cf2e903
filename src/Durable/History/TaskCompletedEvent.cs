namespace PaymentFunctions.Durable.History;

/// <summary>The result of an activity.</summary>
public sealed record TaskCompletedEvent(
    DateTimeOffset Timestamp,
    int TaskScheduledId,
    string? Result) : HistoryEvent(-1, Timestamp)
{
    /// <inheritdoc />
    public override EventType EventType => EventType.TaskCompleted;
}
