namespace PaymentFunctions.Rules.Definitions;

/// <summary>A revenue allocation's trigger: its schedule, and for a balance trigger the balance that makes it due.</summary>
public sealed record RuleTrigger(TriggerKind Kind, RuleSchedule Schedule, decimal? BalanceAbove);
