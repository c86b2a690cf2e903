using System.Numerics;

namespace PaymentFunctions.Payments.Domain;

/// <summary>
/// The on-chain escrow holding a payment's MXNB: the database's copy of what the contract holds, compared
/// with <c>getEscrow</c> by the chain sync. One per payment.
/// </summary>
public sealed class Escrow
{
    /// <summary>The payment it belongs to (also the key).</summary>
    public string PaymentId { get; set; } = "";

    /// <summary>The contract's escrow id, a uint256 as a decimal string.</summary>
    public string OnChainId { get; set; } = "";

    /// <summary>The escrow contract's address.</summary>
    public string ContractAddress { get; set; } = "";

    /// <summary>Who funded it (the bridge wallet).</summary>
    public string PayerAddress { get; set; } = "";

    /// <summary>Who receives it on release (the platform's Juno deposit address).</summary>
    public string PayeeAddress { get; set; } = "";

    /// <summary>Token amount in base units (MXNB has 6 decimals).</summary>
    public BigInteger AmountBaseUnits { get; set; }

    /// <summary>The ERC-20 approve transaction.</summary>
    public string ApproveTransactionHash { get; set; } = "";

    /// <summary>The createEscrow transaction.</summary>
    public string CreateTransactionHash { get; set; } = "";

    /// <summary>The release transaction, once released.</summary>
    public string? ReleaseTransactionHash { get; set; }

    /// <summary>The refund (or cancel) transaction, once refunded.</summary>
    public string? RefundTransactionHash { get; set; }

    /// <summary>The contract-side status.</summary>
    public EscrowStatus Status { get; set; }

    /// <summary>When the escrow was first recorded (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it last changed (UTC).</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"Escrow {OnChainId} of {PaymentId}: {AmountBaseUnits} base units, {Status}";
}
