namespace PaymentFunctions.Rules.Definitions;

/// <summary>What makes a revenue allocation due.</summary>
public enum TriggerKind
{
    /// <summary>Its schedule.</summary>
    Schedule,

    /// <summary>The source's balance reaching <see cref="RuleTrigger.BalanceAbove"/>, checked on the schedule.</summary>
    Balance,
}
