using PaymentFunctions.Rules.Persistence;

namespace PaymentFunctions.Rules.Execution;

/// <summary>How an execution ended, for <see cref="Activities.FinishExecution"/> to record as its post-execution state.</summary>
public sealed record ExecutionFinish(
    ExecutionRequest Request,
    ExecutionStatus Status,
    string Reason,
    string? Limit,
    IReadOnlyList<SentTransfer> Sent,
    GasEstimate? Estimate,
    ExecutionPlan? Plan);
