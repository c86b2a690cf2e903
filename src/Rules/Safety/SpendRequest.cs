using PaymentFunctions.Rules.Execution;

namespace PaymentFunctions.Rules.Safety;

/// <summary>An execution asking to count its transfers against the limits.</summary>
public sealed record SpendRequest(string ExecutionId, string RuleId, IReadOnlyList<PlannedTransfer> Transfers);
