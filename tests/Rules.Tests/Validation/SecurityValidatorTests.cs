using PaymentFunctions.Rules.Execution;
using PaymentFunctions.Rules.Safety;
using PaymentFunctions.Rules.Validation;

namespace PaymentFunctions.Rules.Tests.Validation;

public sealed class SecurityValidatorTests
{
    [Fact]
    public void Unlisted_wallets_and_a_foreign_source_are_refused()
    {
        var rule = TestRules.RevenueAllocation();
        rule["allocations"]![1]!["target"] = "0x5555555555555555555555555555555555555555";
        rule["source_account"] = "0x6666666666666666666666666666666666666666";

        var problems = SecurityValidator.Validate(BusinessLogicValidatorTests.Parse(rule), TestRules.Security(), ValidationPhase.Definition, null);

        Assert.All(problems, p => Assert.Equal(ValidationLayer.Security, p.Layer));
        Assert.Equal(["$.allocations[1].target", "$.source_account"], problems.Select(p => p.Path).Order(StringComparer.Ordinal));
        Assert.Contains("wallet_whitelist_required", problems[^1].Message + problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_whitelist_requirement_any_wallet_passes()
    {
        var rule = TestRules.ContractorPayment();
        rule["recipient"]!["address"] = "0x5555555555555555555555555555555555555555";

        Assert.Empty(SecurityValidator.Validate(BusinessLogicValidatorTests.Parse(rule), TestRules.Security(new SafetyLimits { WalletWhitelistRequired = false }), ValidationPhase.Execution, null));
    }

    [Fact]
    public void A_new_recipient_waits_for_the_delay_at_execution_only()
    {
        var rule = BusinessLogicValidatorTests.Parse(TestRules.ContractorPayment());
        var security = TestRules.Security() with
        {
            Whitelist = new Dictionary<string, DateTimeOffset> { [TestRules.Contractor] = TestRules.Now.AddHours(-23) },
        };

        Assert.Empty(SecurityValidator.Validate(rule, security, ValidationPhase.Definition, null));
        var problem = Assert.Single(SecurityValidator.Validate(rule, security, ValidationPhase.Execution, TransferPlanner.Plan(rule, 10_000m)));
        Assert.Equal("$.recipient.address", problem.Path);
        Assert.Contains("new_recipient_delay_hours", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_amount_far_above_the_history_is_an_anomaly()
    {
        var rule = BusinessLogicValidatorTests.Parse(TestRules.ContractorPayment());
        var plan = TransferPlanner.Plan(rule, 10_000m); // 1500.50

        Assert.Empty(SecurityValidator.Validate(rule, TestRules.Security(history: [150.06m, 150.06m, 150.06m]), ValidationPhase.Execution, plan));
        Assert.Equal("$.amount.value", Assert.Single(SecurityValidator.Validate(rule, TestRules.Security(history: [150m, 150m, 150m]), ValidationPhase.Execution, plan)).Path);
        Assert.Empty(SecurityValidator.Validate(rule, TestRules.Security(history: [1m, 1m]), ValidationPhase.Execution, plan));
    }
}
