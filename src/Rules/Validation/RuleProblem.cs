namespace PaymentFunctions.Rules.Validation;

/// <summary>One problem a validation layer found, at a JSON path of the rule (<c>$.allocations[1].percentage</c>).</summary>
public sealed record RuleProblem(ValidationLayer Layer, string Path, string Message);
