namespace PaymentFunctions.Rules.Execution;

/// <summary>
/// What an execution would send given the source's balance: the base it splits (the fixed amount, the revenue, or
/// the profit above the threshold), the transfers (summing exactly to <see cref="Total"/>) and the balance read.
/// </summary>
public sealed record ExecutionPlan(decimal Base, decimal Total, IReadOnlyList<PlannedTransfer> Transfers, decimal SourceBalance);
