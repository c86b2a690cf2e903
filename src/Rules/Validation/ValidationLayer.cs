namespace PaymentFunctions.Rules.Validation;

/// <summary>The five validation layers, in the order they run.</summary>
public enum ValidationLayer
{
    /// <summary>Format and required parameters.</summary>
    Structural,

    /// <summary>Percentages sum to 100, the schedule is possible, no self-payment.</summary>
    BusinessLogic,

    /// <summary>Amounts positive and within precision; at execution, the source has the funds.</summary>
    Financial,

    /// <summary>Whitelist, new-recipient delay, anomalies against the rule's history.</summary>
    Security,

    /// <summary>The requester is allowed, and the approvals are complete.</summary>
    Authorization,
}
