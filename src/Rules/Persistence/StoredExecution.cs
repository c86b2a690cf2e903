namespace PaymentFunctions.Rules.Persistence;

/// <summary>One execution of a rule, with its recorded pre- and post-execution state (JSON) and why it ended.</summary>
public sealed class StoredExecution
{
    public required string Id { get; init; }

    public required string RuleId { get; init; }

    public int RuleRevision { get; init; }

    public ExecutionMode Mode { get; init; }

    public ExecutionStatus Status { get; set; }

    public required string RequestedBy { get; init; }

    public DateTimeOffset RequestedAt { get; init; }

    public decimal Total { get; set; }

    public string? PreState { get; set; }

    public string? PostState { get; set; }

    public string? Reason { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}
