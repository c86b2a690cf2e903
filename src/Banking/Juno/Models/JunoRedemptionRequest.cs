using System.Text.Json.Serialization;
using PaymentFunctions.Banking.Amounts;

namespace PaymentFunctions.Banking.Juno.Models;

/// <summary>Body of <c>POST /mint_platform/v1/redemptions</c>: burn MXNB and pay MXN out by SPEI.</summary>
public sealed record JunoRedemptionRequest
{
    /// <summary>MXN amount as a decimal string (at least 100).</summary>
    [JsonConverter(typeof(JunoAmountTextConverter))]
    public required string Amount { get; init; }

    /// <summary>Registered bank account to pay; without it Juno keeps the MXN in the account.</summary>
    public string? DestinationBankAccountId { get; init; }

    /// <summary>Fiat asset, <c>MXN</c>.</summary>
    public string Asset { get; init; } = "MXN";

    /// <summary>A redemption of an exact MXN amount (checked against the 100 MXN minimum) to a registered account.</summary>
    public static JunoRedemptionRequest Create(Mxn amount, string? destinationBankAccountId) =>
        new() { Amount = amount.EnsureRedeemable().ToString(), DestinationBankAccountId = destinationBankAccountId };
}
