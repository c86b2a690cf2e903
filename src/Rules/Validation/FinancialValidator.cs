using PaymentFunctions.Banking.Amounts;
using PaymentFunctions.Rules.Definitions;
using PaymentFunctions.Rules.Execution;

namespace PaymentFunctions.Rules.Validation;

/// <summary>
/// Layer 3: every amount is positive and fits the token's 6 decimals; at execution, the source holds what the plan
/// sends, the revenue reaches its minimum and the profit its threshold.
/// </summary>
public static class FinancialValidator
{
    public static IReadOnlyList<RuleProblem> Validate(RuleDefinition rule, ExecutionPlan? plan)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var problems = new RuleProblems(ValidationLayer.Financial);
        if (rule.Amount is { } amount)
        {
            Positive(amount.Value, "$.amount.value", problems);
        }

        if (rule.MinimumAmount is { } minimum)
        {
            Positive(minimum, "$.minimum_amount", problems);
        }

        if (rule.Trigger?.BalanceAbove is { } above)
        {
            Positive(above, "$.trigger.balance_above", problems);
        }

        if (rule.ProfitThreshold is { } threshold)
        {
            Exact(threshold, "$.profit_threshold", problems, allowZero: true);
        }

        for (var i = 0; i < rule.Conditions.Count; i++)
        {
            var condition = rule.Conditions[i];
            foreach (var (value, field) in new[] { (condition.Min, "min"), (condition.Max, "max"), (condition.Minimum, "minimum") })
            {
                if (value is { } v)
                {
                    Exact(v, $"$.conditions[{i}].{field}", problems, allowZero: true);
                }
            }
        }

        if (plan is not null)
        {
            CheckPlan(rule, plan, problems);
        }

        return problems.All;
    }

    private static void CheckPlan(RuleDefinition rule, ExecutionPlan plan, RuleProblems problems)
    {
        if (plan.SourceBalance < plan.Total)
        {
            problems.Add("$.source_account", $"The source holds {plan.SourceBalance} MXNB; the execution needs {plan.Total}.");
        }

        if (rule.Type == RuleType.RevenueAllocation && rule.MinimumAmount is { } minimum && plan.Total < minimum)
        {
            problems.Add("$.minimum_amount", $"The revenue to allocate is {plan.Total} MXNB, below the minimum of {minimum}.");
        }

        if (rule.Type == RuleType.RevenueAllocation && rule.Trigger is { Kind: TriggerKind.Balance, BalanceAbove: { } above } && plan.SourceBalance < above)
        {
            problems.Add("$.trigger.balance_above", $"The source holds {plan.SourceBalance} MXNB, below the trigger's {above}.");
        }

        if (rule.Type == RuleType.ProfitDistribution && plan.Total <= 0)
        {
            problems.Add("$.profit_threshold", $"The profit ({plan.SourceBalance} MXNB) does not exceed the threshold of {rule.ProfitThreshold}.");
        }

        var path = rule.Type == RuleType.ProfitDistribution ? "$.distribution_rules" : "$.allocations";
        foreach (var transfer in plan.Transfers.Where(t => t.Amount <= 0 && plan.Total > 0 && rule.Type != RuleType.ContractorPayment))
        {
            problems.Add($"{path}[{transfer.Index}]", "This share rounds to nothing; the base is too small to split.");
        }
    }

    private static void Positive(decimal value, string path, RuleProblems problems)
    {
        if (value <= 0)
        {
            problems.Add(path, "Must be more than zero.");
        }

        Exact(value, path, problems, allowZero: true);
    }

    private static void Exact(decimal value, string path, RuleProblems problems, bool allowZero)
    {
        if (value < 0 || (!allowZero && value == 0))
        {
            problems.Add(path, "Must not be negative.");
        }

        if (decimal.Round(value, MxnbAmount.Decimals) != value)
        {
            problems.Add(path, $"Has more than {MxnbAmount.Decimals} decimals, finer than the token can carry.");
        }
    }
}
