namespace PaymentFunctions.Payments.Ledger;

/// <summary>One kind of value movement; each is a transfer between two fixed accounts (see <see cref="LedgerMovements"/>).</summary>
public enum LedgerMovement
{
    /// <summary>buyer:bank → juno:mxn (SPEI deposit).</summary>
    BuyerDeposit,

    /// <summary>juno:mxn → juno:mxnb (issuance).</summary>
    MxnbIssued,

    /// <summary>juno:mxnb → bridge:mxnb (withdrawal on chain).</summary>
    WithdrawnToBridge,

    /// <summary>bridge:mxnb → escrow:mxnb (createEscrow).</summary>
    EscrowFunded,

    /// <summary>escrow:mxnb → juno:mxnb (release to the platform's Juno deposit address).</summary>
    EscrowReleased,

    /// <summary>escrow:mxnb → bridge:mxnb (refund or cancel).</summary>
    EscrowRefunded,

    /// <summary>bridge:mxnb → juno:mxnb (bridge funds sent back to Juno).</summary>
    ReturnedToJuno,

    /// <summary>juno:mxnb → juno:mxn (redemption).</summary>
    Redeemed,

    /// <summary>juno:mxn → seller:bank (SPEI payout).</summary>
    PaidOut,

    /// <summary>juno:mxn → buyer:bank (SPEI refund).</summary>
    RefundedToBuyer,
}
