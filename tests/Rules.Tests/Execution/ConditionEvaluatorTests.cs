using System.Text.Json.Nodes;
using PaymentFunctions.Rules.Approvals;
using PaymentFunctions.Rules.Execution;
using PaymentFunctions.Rules.Tests.Validation;

namespace PaymentFunctions.Rules.Tests.Execution;

public sealed class ConditionEvaluatorTests
{
    [Fact]
    public void Each_condition_is_evaluated_and_recorded()
    {
        var json = TestRules.ContractorPayment();
        json["conditions"] = new JsonArray(
            new JsonObject { ["type"] = "amount_threshold", ["min"] = 1000, ["max"] = 2000 },
            new JsonObject { ["type"] = "balance_minimum", ["minimum"] = 500 },
            new JsonObject { ["type"] = "time_window", ["days"] = new JsonArray("wed"), ["start_hour"] = 5, ["end_hour"] = 7, ["time_zone"] = "America/Mexico_City" },
            new JsonObject { ["type"] = "approval_gate", ["required"] = 1, ["group"] = new JsonArray("bob") });
        var rule = BusinessLogicValidatorTests.Parse(json);
        var plan = TransferPlanner.Plan(rule, 2000m); // sends 1500.50, keeps 499.50

        // 12:00 UTC on Wednesday 2027-03-10 is 06:00 in Mexico City.
        var results = ConditionEvaluator.Evaluate(rule, new ConditionInputs(TestRules.Now, plan, [new ApprovalDecision("alice", true, TestRules.Now)], "alice"));

        Assert.Equal([true, false, true, false], results.Select(r => r.Met));
        Assert.Equal(["$.conditions[0]", "$.conditions[1]", "$.conditions[2]", "$.conditions[3]"], results.Select(r => r.Path));
        Assert.Equal(results, ConditionEvaluator.Evaluate(rule, new ConditionInputs(TestRules.Now, plan, [new ApprovalDecision("alice", true, TestRules.Now)], "alice")));
        Assert.False(ConditionEvaluator.Evaluate(rule, new ConditionInputs(TestRules.Now.AddHours(2), plan, [], "alice"))[2].Met);
    }
}
