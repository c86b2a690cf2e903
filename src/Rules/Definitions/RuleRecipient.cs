namespace PaymentFunctions.Rules.Definitions;

/// <summary>A contractor: the wallet paid (lowercase 0x address) and a display name.</summary>
public sealed record RuleRecipient(string Address, string Name);
