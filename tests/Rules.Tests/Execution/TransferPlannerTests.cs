using System.Text.Json.Nodes;
using PaymentFunctions.Rules.Execution;
using PaymentFunctions.Rules.Tests.Validation;

namespace PaymentFunctions.Rules.Tests.Execution;

public sealed class TransferPlannerTests
{
    [Fact]
    public void Shares_round_down_and_the_last_takes_the_remainder_so_the_sum_is_exact()
    {
        var json = TestRules.RevenueAllocation();
        var allocations = (JsonArray)json["allocations"]!;
        allocations[0]!["percentage"] = 33.33m;
        allocations[1]!["percentage"] = 33.33m;
        allocations.Add(new JsonObject { ["target"] = "0x5555555555555555555555555555555555555555", ["percentage"] = 33.34m, ["name"] = "c" });
        var rule = BusinessLogicValidatorTests.Parse(json);

        var plan = TransferPlanner.Plan(rule, 100.000001m);

        Assert.Equal([33.330000m, 33.330000m, 33.340001m], plan.Transfers.Select(t => t.Amount));
        Assert.Equal(plan.Total, plan.Transfers.Sum(t => t.Amount));
        Assert.Equal([0, 1, 2], plan.Transfers.Select(t => t.Index));
    }

    [Fact]
    public void Profit_above_the_threshold_is_distributed()
    {
        var rule = BusinessLogicValidatorTests.Parse(TestRules.ProfitDistribution());

        var plan = TransferPlanner.Plan(rule, 12_000m);

        Assert.Equal(2_000m, plan.Total);
        Assert.Equal([1_000m, 1_000m], plan.Transfers.Select(t => t.Amount));
    }
}
