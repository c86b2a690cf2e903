using System.Text;
using PaymentFunctions.Banking.Clabes;

namespace PaymentFunctions.Banking.Juno.Models;

/// <summary>An MXN SPEI deposit into one of the account's CLABEs (<c>GET /spei/v1/deposits</c>).</summary>
public sealed record JunoDeposit
{
    /// <summary>Juno's id of the deposit.</summary>
    public required string Id { get; init; }

    /// <summary>MXN amount.</summary>
    public decimal Amount { get; init; }

    /// <summary>Our CLABE that received it.</summary>
    public required string ReceiverClabe { get; init; }

    /// <summary>Beneficiary name.</summary>
    public string? ReceiverName { get; init; }

    /// <summary>Sender's CLABE, when SPEI reports it.</summary>
    public string? SenderClabe { get; init; }

    /// <summary>Sender's name.</summary>
    public string? SenderName { get; init; }

    /// <summary>Sender's SPEI clave de rastreo.</summary>
    public string? TrackingKey { get; init; }

    /// <summary><c>COMPLETE</c>, <c>PENDING</c> or <c>FAILED</c>.</summary>
    public string Status { get; init; } = "COMPLETE";

    /// <summary>True for a returned withdrawal coming back (refund deposit).</summary>
    public bool IsRefund { get; init; }

    /// <summary>When it arrived.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    // Records print every property; CLABEs must not reach logs unmasked.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id)
            .Append(", Amount = ").Append(Amount)
            .Append(", ReceiverClabe = ").Append(ClabeMask.Mask(ReceiverClabe))
            .Append(", SenderClabe = ").Append(ClabeMask.Mask(SenderClabe))
            .Append(", TrackingKey = ").Append(TrackingKey)
            .Append(", Status = ").Append(Status);
        return true;
    }
}
