namespace PaymentFunctions.Rules.Definitions;

/// <summary>An amount in tokens of <see cref="Currency"/> (here always the local MXNB token, 6 decimals).</summary>
public sealed record RuleAmount(decimal Value, string Currency);
