using System.Globalization;
using PaymentFunctions.Rules.Definitions;
using PaymentFunctions.Rules.Execution;
using PaymentFunctions.Rules.Safety;

namespace PaymentFunctions.Rules.Validation;

/// <summary>
/// Layer 4: the source is a wallet the platform signs for; every recipient is whitelisted (when required) and, at
/// execution, was whitelisted long enough ago; and an execution far above the rule's history is an anomaly.
/// </summary>
public static class SecurityValidator
{
    /// <summary>Executions a rule needs behind it before its average means anything.</summary>
    public const int AnomalyHistory = 3;

    public static IReadOnlyList<RuleProblem> Validate(RuleDefinition rule, SecurityContext context, ValidationPhase phase, ExecutionPlan? plan)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(context);
        var problems = new RuleProblems(ValidationLayer.Security);
        if (rule.SourceAccount.Length > 0 && !context.PlatformAccounts.Contains(rule.SourceAccount, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add("$.source_account", "Is not a wallet the platform holds a key for, so nothing can be sent from it.");
        }

        var delay = TimeSpan.FromHours(context.Limits.NewRecipientDelayHours);
        foreach (var (address, path) in Targets(rule))
        {
            if (!context.Whitelist.TryGetValue(address, out var added))
            {
                if (context.Limits.WalletWhitelistRequired)
                {
                    problems.Add(path, $"The wallet is not on the whitelist ({SafetyLimits.Names.WalletWhitelistRequired}).");
                }

                continue;
            }

            if (phase == ValidationPhase.Execution && added + delay > context.Now)
            {
                problems.Add(path, $"The wallet was whitelisted {added:O}; it can be paid from {(added + delay).ToString("O", CultureInfo.InvariantCulture)} ({SafetyLimits.Names.NewRecipientDelayHours} = {context.Limits.NewRecipientDelayHours}).");
            }
        }

        if (phase == ValidationPhase.Execution && plan is not null && context.History.Count >= AnomalyHistory)
        {
            var average = context.History.Average();
            if (average > 0 && plan.Total > average * context.Limits.AnomalyFactor)
            {
                problems.Add(rule.Amount is null ? "$" : "$.amount.value", $"The execution sends {plan.Total} MXNB, more than {context.Limits.AnomalyFactor} times the rule's average of {decimal.Round(average, 6)}.");
            }
        }

        return problems.All;
    }

    private static IEnumerable<(string Address, string Path)> Targets(RuleDefinition rule)
    {
        if (rule.Recipient is { } recipient)
        {
            yield return (recipient.Address, "$.recipient.address");
        }

        var list = rule.Type == RuleType.ProfitDistribution ? "$.distribution_rules" : "$.allocations";
        for (var i = 0; i < rule.Allocations.Count; i++)
        {
            yield return (rule.Allocations[i].Target, $"{list}[{i}].target");
        }
    }
}
