using System.Text.Json.Nodes;
using PaymentFunctions.Rules.Definitions;
using PaymentFunctions.Rules.Validation;

namespace PaymentFunctions.Rules.Tests.Validation;

public sealed class StructuralValidatorTests
{
    [Fact]
    public void Each_rule_type_parses()
    {
        var contractor = StructuralValidator.Validate(TestRules.ContractorPayment().ToJsonString());
        var revenue = StructuralValidator.Validate(TestRules.RevenueAllocation().ToJsonString());
        var profit = StructuralValidator.Validate(TestRules.ProfitDistribution().ToJsonString());

        Assert.Empty(contractor.Problems);
        Assert.Equal(1500.50m, contractor.Definition!.Amount!.Value);
        Assert.Equal(TestRules.Contractor, contractor.Definition.Recipient!.Address);
        Assert.Equal(5000m, Assert.Single(contractor.Definition.Conditions).Max);
        Assert.Equal(3, contractor.Definition.ConfirmationBlocks);
        Assert.Empty(revenue.Problems);
        Assert.Equal(5, revenue.Definition!.Trigger!.Schedule.Day); // Friday
        Assert.Equal([60m, 40m], revenue.Definition.Allocations.Select(a => a.Percentage));
        Assert.Empty(profit.Problems);
        Assert.Equal(ScheduleFrequency.Quarterly, profit.Definition!.Schedule!.Frequency);
        Assert.Equal(["alice", "bob"], profit.Definition.Stakeholders);
    }

    [Fact]
    public void Every_structural_problem_is_listed_with_its_path()
    {
        var rule = TestRules.ContractorPayment();
        rule.Remove("name");
        rule["recipient"]!["address"] = "0x123";
        rule["amount"]!["value"] = "1500.50";
        rule["amount"]!["currency"] = "USD";
        rule["schedule"]!["frequency"] = "daily";
        rule["colour"] = "blue";
        ((JsonArray)rule["conditions"]!).Add(new JsonObject { ["type"] = "amount_threshold" });

        var result = StructuralValidator.Validate(rule.ToJsonString());

        Assert.Null(result.Definition);
        Assert.All(result.Problems, p => Assert.Equal(ValidationLayer.Structural, p.Layer));
        Assert.Equal(
            ["$.amount.currency", "$.amount.value", "$.colour", "$.conditions[1].min", "$.name", "$.recipient.address", "$.schedule.frequency"],
            result.Problems.Select(p => p.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Repeated_keys_and_broken_JSON_are_refused()
    {
        var repeated = StructuralValidator.Validate("""{"type":"contractor_payment","type":"revenue_allocation"}""");
        var broken = StructuralValidator.Validate("""{"type": """);

        Assert.Null(repeated.Definition);
        Assert.NotEmpty(repeated.Problems);
        Assert.Null(broken.Definition);
        Assert.NotEmpty(broken.Problems);
    }

    [Fact]
    public void A_body_that_is_not_an_object_is_one_problem_at_the_root()
    {
        var result = StructuralValidator.Validate("[1,2]");

        Assert.Equal("$", Assert.Single(result.Problems).Path);
    }
}
