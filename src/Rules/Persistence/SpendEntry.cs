namespace PaymentFunctions.Rules.Persistence;

/// <summary>
/// One transfer counted against the safety limits: reserved before it is sent, marked sent once it is, released if
/// it never goes. Reserved and sent rows both count, so two executions cannot both take the last of a limit.
/// </summary>
public sealed class SpendEntry
{
    public required string ExecutionId { get; init; }

    public int TransferIndex { get; init; }

    public required string RuleId { get; init; }

    public required string Recipient { get; init; }

    public decimal Amount { get; init; }

    public DateOnly Day { get; init; }

    public DateTimeOffset At { get; init; }

    public SpendStatus Status { get; set; }
}
