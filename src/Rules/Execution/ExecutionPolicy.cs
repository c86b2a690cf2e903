namespace PaymentFunctions.Rules.Execution;

/// <summary>The settings an execution decides by, fixed into its input so replays decide alike after a settings change.</summary>
public sealed record ExecutionPolicy(TimeSpan ApprovalTimeout, int TransferAttempts);
