using System.Globalization;
using PaymentFunctions.Rules.Definitions;

namespace PaymentFunctions.Rules.Execution;

/// <summary>
/// Evaluates a rule's conditions deterministically and without side effects: the same rule and inputs give the same
/// results, so an orchestration can evaluate them on replay and the results can be recorded as they were.
/// </summary>
public static class ConditionEvaluator
{
    public static IReadOnlyList<ConditionResult> Evaluate(RuleDefinition rule, ConditionInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(inputs);
        return [.. rule.Conditions.Select((condition, i) => Evaluate(condition, $"$.conditions[{i}]", inputs))];
    }

    private static ConditionResult Evaluate(RuleCondition condition, string path, ConditionInputs inputs)
    {
        var total = inputs.Plan.Total;
        switch (condition.Kind)
        {
            case ConditionKind.AmountThreshold:
                var met = (condition.Min is not { } min || total >= min) && (condition.Max is not { } max || total <= max);
                return new(path, "amount_threshold", met, $"total {total} within [{condition.Min?.ToString(CultureInfo.InvariantCulture) ?? "-"}, {condition.Max?.ToString(CultureInfo.InvariantCulture) ?? "-"}]");
            case ConditionKind.BalanceMinimum:
                var after = inputs.Plan.SourceBalance - total;
                return new(path, "balance_minimum", after >= condition.Minimum, $"source keeps {after} of at least {condition.Minimum}");
            case ConditionKind.TimeWindow:
                RuleTimeZones.TryFind(condition.TimeZone, out var zone);
                var local = TimeZoneInfo.ConvertTime(inputs.Now, zone ?? TimeZoneInfo.Utc);
                var inWindow = condition.Days.Contains(local.DayOfWeek) && local.Hour >= condition.StartHour && local.Hour < condition.EndHour;
                return new(path, "time_window", inWindow, $"{local:yyyy-MM-dd'T'HH:mm} {condition.TimeZone} ({local.DayOfWeek}) in {string.Join('/', condition.Days)} {condition.StartHour}-{condition.EndHour}h");
            default:
                var approvers = inputs.Approvals.Where(a => a.Approved && a.Approver != inputs.Requester).Select(a => a.Approver).ToHashSet(StringComparer.Ordinal);
                var count = condition.Group.Count(approvers.Contains);
                return new(path, "approval_gate", count >= condition.Required, $"{count} of {condition.Required} from {string.Join(", ", condition.Group)}");
        }
    }
}
