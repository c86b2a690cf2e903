namespace PaymentFunctions.Rules.Persistence;

/// <summary>A rule's state; its orchestration reads it each time it wakes.</summary>
public enum RuleStatus
{
    Active,
    Paused,
    Deleted,
}
