namespace PaymentFunctions.Rules.Execution;

/// <summary>One condition's recorded result: its path and kind, whether it was met, and why.</summary>
public sealed record ConditionResult(string Path, string Kind, bool Met, string Detail);
