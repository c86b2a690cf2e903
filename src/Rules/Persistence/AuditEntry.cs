namespace PaymentFunctions.Rules.Persistence;

/// <summary>
/// One audit log entry, with the fields of an execution log (execution id, rule id, timestamp, user id, pre-execution
/// state, execution details, post-execution state) and the hash chain: <see cref="PreviousHash"/> is the entry
/// before's <see cref="Hash"/>, and <see cref="Hash"/> covers every field and the previous hash.
/// </summary>
public sealed class AuditEntry
{
    public long Sequence { get; init; }

    public string? ExecutionId { get; init; }

    public required string RuleId { get; init; }

    public DateTimeOffset At { get; init; }

    public required string UserId { get; init; }

    public required string Kind { get; init; }

    public required string PreState { get; init; }

    public required string Details { get; init; }

    public required string PostState { get; init; }

    public required string PreviousHash { get; init; }

    public required string Hash { get; init; }
}
