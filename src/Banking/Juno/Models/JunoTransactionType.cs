namespace PaymentFunctions.Banking.Juno.Models;

/// <summary>Kinds of Juno transaction (<c>transaction_type</c>).</summary>
public enum JunoTransactionType
{
    /// <summary>MXNB minted for an MXN deposit.</summary>
    Issuance,

    /// <summary>MXNB burned and paid out in MXN.</summary>
    Redemption,

    /// <summary>Tokens received on chain.</summary>
    CryptoDeposit,

    /// <summary>Tokens sent on chain.</summary>
    CryptoWithdrawal,

    /// <summary>Exchange between stablecoins (not used by this product).</summary>
    Conversion,
}
