namespace PaymentFunctions.Rules.Persistence;

/// <summary>One line of a rule's history: created, edited, paused, an execution's outcome, a refusal naming its limit.</summary>
public sealed class HistoryEntry
{
    public long Id { get; init; }

    public required string RuleId { get; init; }

    public string? ExecutionId { get; init; }

    public DateTimeOffset At { get; init; }

    public required string Kind { get; init; }

    public string? Limit { get; init; }

    public required string Detail { get; init; }
}
