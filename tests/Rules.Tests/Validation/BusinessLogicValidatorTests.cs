using System.Text.Json.Nodes;
using PaymentFunctions.Rules.Validation;

namespace PaymentFunctions.Rules.Tests.Validation;

public sealed class BusinessLogicValidatorTests
{
    [Fact]
    public void Valid_rules_have_no_business_problems()
    {
        foreach (var rule in new[] { TestRules.ContractorPayment(), TestRules.RevenueAllocation(), TestRules.ProfitDistribution() })
        {
            Assert.Empty(BusinessLogicValidator.Validate(Parse(rule), TestRules.Now));
        }
    }

    [Fact]
    public void Percentages_self_payment_and_duplicates_are_all_reported()
    {
        var rule = TestRules.RevenueAllocation();
        var allocations = (JsonArray)rule["allocations"]!;
        allocations[1]!["percentage"] = 39.99m;
        allocations.Add(new JsonObject { ["target"] = TestRules.Source, ["percentage"] = 0, ["name"] = "self" });
        allocations.Add(new JsonObject { ["target"] = TestRules.Operations, ["percentage"] = 0.02m, ["name"] = "again" });

        var problems = BusinessLogicValidator.Validate(Parse(rule), TestRules.Now);

        Assert.All(problems, p => Assert.Equal(ValidationLayer.BusinessLogic, p.Layer));
        Assert.Equal(
            ["$.allocations", "$.allocations[2].percentage", "$.allocations[2].target", "$.allocations[3].target"],
            problems.Select(p => p.Path).Order(StringComparer.Ordinal));
        Assert.Contains("100.01", problems.Single(p => p.Path == "$.allocations").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Impossible_schedules_and_windows_are_reported()
    {
        var rule = TestRules.ContractorPayment();
        rule["recipient"]!["address"] = TestRules.Source;
        rule["schedule"] = new JsonObject { ["frequency"] = "monthly", ["day"] = 32, ["time_zone"] = "Mars/Olympus" };
        rule["conditions"] = new JsonArray(
            new JsonObject { ["type"] = "time_window", ["days"] = new JsonArray("mon"), ["start_hour"] = 18, ["end_hour"] = 9 },
            new JsonObject { ["type"] = "approval_gate", ["required"] = 3, ["group"] = new JsonArray("alice", "bob") },
            new JsonObject { ["type"] = "amount_threshold", ["min"] = 10, ["max"] = 5 });

        var problems = BusinessLogicValidator.Validate(Parse(rule), TestRules.Now);

        Assert.Equal(
            ["$.conditions[0].end_hour", "$.conditions[1].required", "$.conditions[2].min", "$.recipient.address", "$.schedule.day", "$.schedule.time_zone"],
            problems.Select(p => p.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_one_off_in_the_past_is_impossible()
    {
        var rule = TestRules.ContractorPayment();
        rule["schedule"] = new JsonObject { ["frequency"] = "once", ["at"] = "2020-01-01T00:00:00Z" };

        Assert.Equal("$.schedule.at", Assert.Single(BusinessLogicValidator.Validate(Parse(rule), TestRules.Now)).Path);
    }

    internal static PaymentFunctions.Rules.Definitions.RuleDefinition Parse(JsonObject rule) =>
        StructuralValidator.Validate(rule.ToJsonString()).Definition ?? throw new InvalidOperationException("The test rule does not parse.");
}
