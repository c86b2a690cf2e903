using PaymentFunctions.Rules.Approvals;

namespace PaymentFunctions.Rules.Execution;

/// <summary>Input of <see cref="Activities.CheckApprovals"/>.</summary>
public sealed record ApprovalQuery(string ExecutionId, ApprovalRequirement Requirement);
