namespace PaymentFunctions.Rules.Execution;

/// <summary>Input of <see cref="Activities.SendRuleTransfer"/>: one transfer of an execution and its confirmation depth.</summary>
public sealed record TransferStep(string ExecutionId, PlannedTransfer Transfer, int ConfirmationBlocks);
