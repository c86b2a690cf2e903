namespace PaymentFunctions.Rules.Safety;

/// <summary>
/// The hard limits every execution is held to (section <c>Rules:Safety</c>), enforced when it executes against what
/// has actually executed. Amounts are in MXNB tokens; days are UTC days.
/// </summary>
public sealed class SafetyLimits
{
    public const string SectionName = "Rules:Safety";

    /// <summary><c>single_payment_max</c>: the most one transfer may carry.</summary>
    public decimal SinglePaymentMax { get; set; } = 1_000_000m;

    /// <summary><c>daily_total_max</c>: the most all rules together may send in a day.</summary>
    public decimal DailyTotalMax { get; set; } = 5_000_000m;

    /// <summary><c>recipient_daily_max</c>: the most one recipient may receive in a day.</summary>
    public decimal RecipientDailyMax { get; set; } = 100_000m;

    /// <summary><c>min_interval_minutes</c>: the least time between two executions of one rule.</summary>
    public int MinIntervalMinutes { get; set; } = 60;

    /// <summary><c>max_daily_executions</c>: the most executions all rules together may run in a day.</summary>
    public int MaxDailyExecutions { get; set; } = 100;

    /// <summary><c>max_recipient_daily</c>: the most transfers one recipient may receive in a day.</summary>
    public int MaxRecipientDaily { get; set; } = 10;

    /// <summary><c>wallet_whitelist_required</c>: every recipient must be on the whitelist.</summary>
    public bool WalletWhitelistRequired { get; set; } = true;

    /// <summary><c>large_amount_double_approval</c>: an execution of at least <see cref="LargeAmountThreshold"/> needs two approvers.</summary>
    public bool LargeAmountDoubleApproval { get; set; } = true;

    /// <summary>What counts as a large amount for <see cref="LargeAmountDoubleApproval"/>.</summary>
    public decimal LargeAmountThreshold { get; set; } = 100_000m;

    /// <summary><c>new_recipient_delay_hours</c>: a whitelisted wallet can be paid only this long after it was added.</summary>
    public int NewRecipientDelayHours { get; set; } = 24;

    /// <summary>An execution more than this many times the rule's average so far is an anomaly (after three executions).</summary>
    public decimal AnomalyFactor { get; set; } = 10m;

    /// <summary>The limit names as the issue and the refusals spell them.</summary>
    public static class Names
    {
        public const string SinglePaymentMax = "single_payment_max";
        public const string DailyTotalMax = "daily_total_max";
        public const string RecipientDailyMax = "recipient_daily_max";
        public const string MinIntervalMinutes = "min_interval_minutes";
        public const string MaxDailyExecutions = "max_daily_executions";
        public const string MaxRecipientDaily = "max_recipient_daily";
        public const string WalletWhitelistRequired = "wallet_whitelist_required";
        public const string NewRecipientDelayHours = "new_recipient_delay_hours";

        /// <summary>Not configured: the source wallet cannot cover the execution beside the others still sending.</summary>
        public const string SourceBalance = "source_balance";
    }
}
