namespace PaymentFunctions.Payments.Chain;

/// <summary>An escrow's state on chain, in the contract's enum order (the values are the contract's).</summary>
public enum OnChainEscrowStatus
{
    /// <summary>Tokens locked, waiting for release, refund, dispute or cancel.</summary>
    Funded = 0,

    /// <summary>Paid to the payee.</summary>
    Released = 1,

    /// <summary>Frozen until an operator resolves the dispute.</summary>
    Disputed = 2,

    /// <summary>Returned to the payer.</summary>
    Refunded = 3,

    /// <summary>Called off before custody ended; returned to the payer.</summary>
    Cancelled = 4,
}
