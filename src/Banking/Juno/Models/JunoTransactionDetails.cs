using System.Text;
using PaymentFunctions.Banking.Clabes;

namespace PaymentFunctions.Banking.Juno.Models;

/// <summary>Type-specific data of a transaction: SPEI parties for issuances and redemptions, chain data for crypto moves.</summary>
public sealed record JunoTransactionDetails
{
    /// <summary>CLABE that received an MXN deposit (issuances).</summary>
    public string? ReceiverClabe { get; init; }

    /// <summary>Name on the receiving side of a SPEI transfer.</summary>
    public string? ReceiverName { get; init; }

    /// <summary>CLABE that sent an MXN deposit, or the payout destination (redemptions).</summary>
    public string? SenderClabe { get; init; }

    /// <summary>Name on the sending side of a SPEI transfer.</summary>
    public string? SenderName { get; init; }

    /// <summary>SPEI clave de rastreo.</summary>
    public string? TrackingKey { get; init; }

    /// <summary>Registered bank account a redemption pays out to.</summary>
    public string? DestinationBankAccountId { get; init; }

    /// <summary>Chain address (destination of a withdrawal, source of a deposit).</summary>
    public string? Address { get; init; }

    /// <summary>Network, e.g. <c>ARBITRUM</c>.</summary>
    public string? Blockchain { get; init; }

    /// <summary>Token, e.g. <c>MXNB</c>.</summary>
    public string? Asset { get; init; }

    /// <summary>On-chain transaction hash.</summary>
    public string? TxHash { get; init; }

    /// <summary>Why the transaction failed or was returned.</summary>
    public string? FailureReason { get; init; }

    // Records print every property; CLABEs must not reach logs unmasked.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("ReceiverClabe = ").Append(ClabeMask.Mask(ReceiverClabe))
            .Append(", SenderClabe = ").Append(ClabeMask.Mask(SenderClabe))
            .Append(", TrackingKey = ").Append(TrackingKey)
            .Append(", DestinationBankAccountId = ").Append(DestinationBankAccountId)
            .Append(", Address = ").Append(Address)
            .Append(", Blockchain = ").Append(Blockchain)
            .Append(", Asset = ").Append(Asset)
            .Append(", TxHash = ").Append(TxHash)
            .Append(", FailureReason = ").Append(FailureReason);
        return true;
    }
}
