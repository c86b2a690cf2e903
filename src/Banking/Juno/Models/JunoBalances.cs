namespace PaymentFunctions.Banking.Juno.Models;

/// <summary>Payload of <c>GET /mint_platform/v1/balances</c>.</summary>
public sealed record JunoBalances
{
    /// <summary>One entry per asset.</summary>
    public IReadOnlyList<JunoBalance> Balances { get; init; } = [];
}
