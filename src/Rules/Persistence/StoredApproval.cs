namespace PaymentFunctions.Rules.Persistence;

/// <summary>One person's decision on an execution; at most one per person.</summary>
public sealed class StoredApproval
{
    public required string ExecutionId { get; init; }

    public required string Approver { get; init; }

    public bool Approved { get; init; }

    public DateTimeOffset At { get; init; }
}
