namespace PaymentFunctions.Rules.Execution;

/// <summary>The schedule orchestration's input, carried across <c>ContinueAsNew</c>: the rule and the last due time it ran for.</summary>
public sealed record RuleScheduleState(string RuleId, DateTimeOffset? LastDue, ExecutionPolicy Policy, Persistence.ExecutionMode Mode)
{
    public static string InstanceIdFor(string ruleId) => $"rule-{ruleId}";
}
