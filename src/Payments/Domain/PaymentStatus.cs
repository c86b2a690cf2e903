namespace PaymentFunctions.Payments.Domain;

/// <summary>Where a payment is in its lifecycle; stored as text so the database stays readable and reorderable.</summary>
public enum PaymentStatus
{
    /// <summary>Created; waiting for the buyer's SPEI deposit into <see cref="Payment.DepositClabe"/>.</summary>
    AwaitingDeposit,

    /// <summary>Deposit matched; MXNB is being withdrawn to the bridge wallet and the escrow created.</summary>
    Funding,

    /// <summary>Tokens are held by the escrow contract until the custody end.</summary>
    InCustody,

    /// <summary>A dispute stopped the release until it is resolved.</summary>
    Disputed,

    /// <summary>The release needs more approvals than it has.</summary>
    AwaitingApproval,

    /// <summary>The escrow is being released on chain.</summary>
    Releasing,

    /// <summary>MXNB is being redeemed and paid to the seller by SPEI.</summary>
    PayingOut,

    /// <summary>A payout failed for good; funds are held until an operator resumes.</summary>
    OnHold,

    /// <summary>The seller was paid. Terminal.</summary>
    Completed,

    /// <summary>No deposit arrived before the deadline. Terminal.</summary>
    Expired,

    /// <summary>Funds are on their way back to the buyer.</summary>
    Refunding,

    /// <summary>The buyer got the money back. Terminal.</summary>
    Refunded,

    /// <summary>Something failed that no path can recover. Terminal.</summary>
    Failed,
}
