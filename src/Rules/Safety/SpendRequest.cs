using PaymentFunctions.Rules.Execution;

namespace PaymentFunctions.Rules.Safety;

/// <summary>
/// An execution asking to count its transfers against the limits. <paramref name="SourceBalance"/> is the source
/// wallet's balance read just before, when the request should also be checked against what it holds.
/// </summary>
public sealed record SpendRequest(string ExecutionId, string RuleId, IReadOnlyList<PlannedTransfer> Transfers, decimal? SourceBalance = null);
