namespace PaymentFunctions.Payments.Domain;

/// <summary>The escrow's state as the contract reports it (<c>getEscrow</c>), so the chain sync can compare one to one.</summary>
public enum EscrowStatus
{
    /// <summary>Tokens are locked in the contract.</summary>
    Funded,

    /// <summary>Tokens went to the payee.</summary>
    Released,

    /// <summary>A dispute blocks release and refund until resolved.</summary>
    Disputed,

    /// <summary>Tokens went back to the payer.</summary>
    Refunded,

    /// <summary>Cancelled before release; tokens returned to the payer.</summary>
    Cancelled,
}
