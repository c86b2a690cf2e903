namespace PaymentFunctions.Rules.Execution;

/// <summary>Input of <see cref="Activities.SimulateExecution"/>.</summary>
public sealed record SimulationStep(string ExecutionId, IReadOnlyList<PlannedTransfer> Transfers);
