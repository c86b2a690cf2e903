using PaymentFunctions.Rules.Approvals;

namespace PaymentFunctions.Rules.Execution;

/// <summary>Everything a condition may look at, read beforehand, so evaluating is a pure function of it.</summary>
public sealed record ConditionInputs(DateTimeOffset Now, ExecutionPlan Plan, IReadOnlyList<ApprovalDecision> Approvals, string Requester);
