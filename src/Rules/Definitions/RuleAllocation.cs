namespace PaymentFunctions.Rules.Definitions;

/// <summary>One share of an allocation or distribution: the target wallet, its percentage and a name.</summary>
public sealed record RuleAllocation(string Target, decimal Percentage, string Name);
