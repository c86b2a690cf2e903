namespace PaymentFunctions.Rules.Execution;

/// <summary>One transfer of an execution: its index (part of its idempotency key), the wallet paid, a name and MXNB tokens.</summary>
public sealed record PlannedTransfer(int Index, string To, string Name, decimal Amount);
