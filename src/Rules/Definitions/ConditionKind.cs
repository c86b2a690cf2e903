namespace PaymentFunctions.Rules.Definitions;

/// <summary>The kinds of condition a rule may carry; the JSON <c>type</c> is the snake_case name.</summary>
public enum ConditionKind
{
    /// <summary><c>amount_threshold</c>: the execution's total lies within [min, max].</summary>
    AmountThreshold,

    /// <summary><c>balance_minimum</c>: the source keeps at least this much after the execution.</summary>
    BalanceMinimum,

    /// <summary><c>time_window</c>: the execution happens on one of the days, between the hours, in the time zone.</summary>
    TimeWindow,

    /// <summary><c>approval_gate</c>: N approvals from a named group.</summary>
    ApprovalGate,
}
