namespace PaymentFunctions.Rules.Definitions;

/// <summary>The kinds of payment rule; the JSON <c>type</c> is the snake_case name.</summary>
public enum RuleType
{
    /// <summary><c>contractor_payment</c>: one recipient, a fixed amount, on a schedule.</summary>
    ContractorPayment,

    /// <summary><c>revenue_allocation</c>: the source's balance split by percentages.</summary>
    RevenueAllocation,

    /// <summary><c>profit_distribution</c>: profit above a threshold split by percentages, approved by every stakeholder.</summary>
    ProfitDistribution,
}
