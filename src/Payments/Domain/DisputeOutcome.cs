namespace PaymentFunctions.Payments.Domain;

/// <summary>
/// Who a resolved dispute pays: one type shared by the API, the orchestrator that records it and the timeline that
/// renders it, so the three cannot drift apart on a spelling (a refund once read as a release).
/// </summary>
public enum DisputeOutcome
{
    /// <summary>The escrow is released and the seller is paid.</summary>
    Seller,

    /// <summary>The escrow is refunded and the buyer is paid back.</summary>
    Buyer,
}
