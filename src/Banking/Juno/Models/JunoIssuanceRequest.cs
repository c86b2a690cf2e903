using System.Text.Json.Serialization;

namespace PaymentFunctions.Banking.Juno.Models;

/// <summary>Body of <c>POST /mint_platform/v1/issuance</c>: mint MXNB from MXN already held at Juno.</summary>
public sealed record JunoIssuanceRequest
{
    /// <summary>Amount as a decimal string (at least 100).</summary>
    [JsonConverter(typeof(JunoAmountTextConverter))]
    public required string Amount { get; init; }

    /// <summary>Network, <c>ARBITRUM</c>.</summary>
    public string Network { get; init; } = "ARBITRUM";

    /// <summary>Token, <c>MXNB</c>.</summary>
    public string Asset { get; init; } = "MXNB";
}
