using System.Text.Json.Serialization;
using PaymentFunctions.Banking.Amounts;

namespace PaymentFunctions.Banking.Juno.Models;

/// <summary>Body of <c>POST /mint_platform/v1/withdrawals</c>: send tokens to an address on a chain.</summary>
public sealed record JunoWithdrawalRequest
{
    /// <summary>Network, <c>ARBITRUM</c>.</summary>
    public string Blockchain { get; init; } = "ARBITRUM";

    /// <summary>Token, <c>MXNB</c>.</summary>
    public string Asset { get; init; } = "MXNB";

    /// <summary>Token amount as a decimal string.</summary>
    [JsonConverter(typeof(JunoAmountTextConverter))]
    public required string Amount { get; init; }

    /// <summary>Destination address.</summary>
    public required string Address { get; init; }

    /// <summary>Travel-rule data; empty under the threshold.</summary>
    public IReadOnlyDictionary<string, string> Compliance { get; init; } = new Dictionary<string, string>();

    /// <summary>A withdrawal of an exact token amount to <paramref name="address"/> on Arbitrum.</summary>
    public static JunoWithdrawalRequest Create(MxnbAmount amount, string address)
    {
        ArgumentException.ThrowIfNullOrEmpty(address);
        if (amount.BaseUnits.IsZero)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), "A withdrawal must move a positive amount.");
        }

        return new() { Amount = amount.ToString(), Address = address };
    }
}
