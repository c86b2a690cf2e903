using PaymentFunctions.Rules.Approvals;
using PaymentFunctions.Rules.Validation;

namespace PaymentFunctions.Rules.Execution;

/// <summary>The approvals' state and what is still missing.</summary>
public sealed record ApprovalCheck(ApprovalState State, IReadOnlyList<RuleProblem> Missing);
