using System.Text;
using System.Text.Json.Serialization;
using PaymentFunctions.Banking.Clabes;

namespace PaymentFunctions.Banking.Juno.Models;

/// <summary>Body of <c>POST /spei/test/deposits</c> (stage only): simulate an incoming SPEI transfer.</summary>
public sealed record JunoTestDepositRequest
{
    /// <summary>MXN amount as a decimal string.</summary>
    [JsonConverter(typeof(JunoAmountTextConverter))]
    public required string Amount { get; init; }

    /// <summary>One of the account's CLABEs.</summary>
    public required string ReceiverClabe { get; init; }

    /// <summary>Beneficiary name.</summary>
    public string ReceiverName { get; init; } = "PaymentFunctions";

    /// <summary>Sender name.</summary>
    public string SenderName { get; init; } = "PaymentFunctions";

    // Records print every property; CLABEs must not reach logs unmasked.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Amount = ").Append(Amount).Append(", ReceiverClabe = ").Append(ClabeMask.Mask(ReceiverClabe));
        return true;
    }
}
