using PaymentFunctions.Rules.Definitions;

namespace PaymentFunctions.Rules.Validation;

/// <summary>The structural layer's answer: the parsed rule when its shape is right, and every problem found.</summary>
public sealed record StructuralResult(RuleDefinition? Definition, IReadOnlyList<RuleProblem> Problems);
