using PaymentFunctions.Rules.Execution;
using PaymentFunctions.Rules.Validation;

namespace PaymentFunctions.Rules.Tests.Validation;

public sealed class FinancialValidatorTests
{
    [Fact]
    public void Amounts_must_be_positive_and_within_six_decimals()
    {
        var rule = TestRules.ContractorPayment();
        rule["amount"]!["value"] = -1.0000001m;
        rule["conditions"]![0]!["max"] = 0.1234567m;

        var problems = FinancialValidator.Validate(BusinessLogicValidatorTests.Parse(rule), plan: null);

        Assert.All(problems, p => Assert.Equal(ValidationLayer.Financial, p.Layer));
        Assert.Equal(["$.amount.value", "$.amount.value", "$.amount.value", "$.conditions[0].max"], problems.Select(p => p.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void At_execution_the_source_must_hold_the_funds_and_revenue_its_minimum()
    {
        var contractor = BusinessLogicValidatorTests.Parse(TestRules.ContractorPayment());
        var revenue = BusinessLogicValidatorTests.Parse(TestRules.RevenueAllocation());

        var shortOfFunds = FinancialValidator.Validate(contractor, TransferPlanner.Plan(contractor, 1500.49m));
        var enough = FinancialValidator.Validate(contractor, TransferPlanner.Plan(contractor, 1500.50m));
        var belowMinimum = FinancialValidator.Validate(revenue, TransferPlanner.Plan(revenue, 99.999999m));

        Assert.Equal("$.source_account", Assert.Single(shortOfFunds).Path);
        Assert.Empty(enough);
        Assert.Equal("$.minimum_amount", Assert.Single(belowMinimum).Path);
    }

    [Fact]
    public void Profit_must_exceed_the_threshold()
    {
        var profit = BusinessLogicValidatorTests.Parse(TestRules.ProfitDistribution());

        Assert.Equal("$.profit_threshold", Assert.Single(FinancialValidator.Validate(profit, TransferPlanner.Plan(profit, 10_000m))).Path);
        Assert.Empty(FinancialValidator.Validate(profit, TransferPlanner.Plan(profit, 10_000.000002m)));
    }
}
