using PaymentFunctions.Rules.Validation;

namespace PaymentFunctions.Rules.Tests.Validation;

public sealed class RuleValidatorTests
{
    [Fact]
    public void A_rule_bad_in_four_layers_lists_the_problems_of_each()
    {
        var rule = TestRules.RevenueAllocation();
        rule["allocations"]![0]!["percentage"] = 70; // business: 110 %
        rule["minimum_amount"] = 0.0000001m; // financial: precision
        rule["allocations"]![1]!["target"] = "0x5555555555555555555555555555555555555555"; // security: not whitelisted

        var report = RuleValidator.ValidateDefinition(rule.ToJsonString(), TestRules.Security(), "mallory", ["alice"]);

        Assert.False(report.IsValid);
        Assert.Equal(
            [ValidationLayer.BusinessLogic, ValidationLayer.Financial, ValidationLayer.Security, ValidationLayer.Authorization],
            report.Problems.Select(p => p.Layer).Distinct());
    }

    [Fact]
    public void A_structurally_broken_rule_reports_only_its_structure()
    {
        var report = RuleValidator.ValidateDefinition("""{"type":"contractor_payment"}""", TestRules.Security(), "mallory", ["alice"]);

        Assert.All(report.Problems, p => Assert.Equal(ValidationLayer.Structural, p.Layer));
        Assert.Equal(["$.amount", "$.name", "$.recipient", "$.schedule", "$.source_account"], report.Problems.Select(p => p.Path).Order(StringComparer.Ordinal));
    }
}
