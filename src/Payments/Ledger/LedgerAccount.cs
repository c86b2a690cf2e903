namespace PaymentFunctions.Payments.Ledger;

/// <summary>
/// The ledger's accounts: where a payment's value sits at each step. The outside world (buyer and seller banks)
/// plus the platform's internal places; a finished payment leaves every internal account at zero.
/// </summary>
public static class LedgerAccount
{
    /// <summary>The buyer's bank account (outside).</summary>
    public const string BuyerBank = "buyer:bank";

    /// <summary>Pesos held at Juno.</summary>
    public const string JunoMxn = "juno:mxn";

    /// <summary>MXNB held at Juno.</summary>
    public const string JunoMxnb = "juno:mxnb";

    /// <summary>MXNB in the bridge wallet on chain.</summary>
    public const string BridgeMxnb = "bridge:mxnb";

    /// <summary>MXNB locked in the escrow contract.</summary>
    public const string EscrowMxnb = "escrow:mxnb";

    /// <summary>The seller's bank account (outside).</summary>
    public const string SellerBank = "seller:bank";

    /// <summary>Every account, in the order value flows on the happy path.</summary>
    public static IReadOnlyList<string> All { get; } = [BuyerBank, JunoMxn, JunoMxnb, BridgeMxnb, EscrowMxnb, SellerBank];

    /// <summary>True for the platform's own accounts, which must end at zero.</summary>
    public static bool IsInternal(string account) => account is JunoMxn or JunoMxnb or BridgeMxnb or EscrowMxnb;
}
