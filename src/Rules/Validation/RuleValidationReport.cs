using PaymentFunctions.Rules.Definitions;

namespace PaymentFunctions.Rules.Validation;

/// <summary>The rule (when it parsed) and every problem every layer found; valid when there are none.</summary>
public sealed record RuleValidationReport(RuleDefinition? Definition, IReadOnlyList<RuleProblem> Problems)
{
    public bool IsValid => this.Definition is not null && this.Problems.Count == 0;
}
