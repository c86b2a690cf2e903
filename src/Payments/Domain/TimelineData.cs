namespace PaymentFunctions.Payments.Domain;

/// <summary>
/// The keys of <see cref="TimelineEvent.Data"/> the renderer understands, so writers and the renderer agree on
/// spelling. Values are invariant strings: amounts as <c>1234.50</c>, times as ISO 8601.
/// </summary>
public static class TimelineData
{
    /// <summary>An MXN amount, e.g. <c>1500.00</c>.</summary>
    public const string AmountMxn = "amountMxn";

    /// <summary>A CLABE (rendered masked).</summary>
    public const string Clabe = "clabe";

    /// <summary>A bank or Juno transaction id.</summary>
    public const string TransactionId = "transactionId";

    /// <summary>An on-chain transaction hash.</summary>
    public const string TransactionHash = "txHash";

    /// <summary>The escrow's on-chain id.</summary>
    public const string EscrowId = "escrowId";

    /// <summary>Who acted (approver, operator, disputer).</summary>
    public const string Actor = "actor";

    /// <summary>Approvals so far.</summary>
    public const string Count = "count";

    /// <summary>Approvals needed.</summary>
    public const string Required = "required";

    /// <summary>A free-text reason.</summary>
    public const string Reason = "reason";

    /// <summary>An ISO 8601 instant, e.g. the custody end or deadline.</summary>
    public const string Until = "until";

    /// <summary>A dispute's <see cref="DisputeOutcome"/> by name (<c>Seller</c> or <c>Buyer</c>).</summary>
    public const string Outcome = "outcome";

    /// <summary>A SPEI tracking key (clave de rastreo).</summary>
    public const string TrackingKey = "trackingKey";

    /// <summary>A status name, e.g. the on-chain status seen during drift.</summary>
    public const string Status = "status";
}
