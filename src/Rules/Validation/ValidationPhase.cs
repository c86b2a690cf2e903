namespace PaymentFunctions.Rules.Validation;

/// <summary>When a rule is validated: some checks (funds, recipient delay, anomalies, approvals) only mean something at execution.</summary>
public enum ValidationPhase
{
    /// <summary>Creating or editing the rule.</summary>
    Definition,

    /// <summary>Just before an execution sends anything.</summary>
    Execution,
}
