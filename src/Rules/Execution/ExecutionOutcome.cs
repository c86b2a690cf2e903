using PaymentFunctions.Rules.Persistence;

namespace PaymentFunctions.Rules.Execution;

/// <summary>The output of <see cref="RuleExecution"/>.</summary>
public sealed record ExecutionOutcome(string ExecutionId, ExecutionStatus Status, string Reason, string? Limit, IReadOnlyList<SentTransfer> Sent);
