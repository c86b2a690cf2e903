namespace PaymentFunctions.Payments.Lifecycle.Activities;

/// <summary>What to do with a funded escrow on chain.</summary>
public enum EscrowAction
{
    /// <summary>Pay the platform's deposit address, for the seller's payout.</summary>
    Release,

    /// <summary>Freeze it until an operator resolves the dispute.</summary>
    Dispute,

    /// <summary>End a dispute in the seller's favour (pays the platform's deposit address).</summary>
    ResolveToSeller,

    /// <summary>End a dispute in the buyer's favour (returns the tokens to the bridge wallet).</summary>
    ResolveToBuyer,

    /// <summary>Call it off during custody (returns the tokens to the bridge wallet).</summary>
    Cancel,

    /// <summary>Return it to the bridge wallet after custody (an operator's refund).</summary>
    Refund,
}
