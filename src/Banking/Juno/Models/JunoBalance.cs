namespace PaymentFunctions.Banking.Juno.Models;

/// <summary>Balance of one asset in the Juno account.</summary>
public sealed record JunoBalance
{
    /// <summary>Asset symbol, e.g. <c>mxnb</c>.</summary>
    public required string Asset { get; init; }

    /// <summary>Available amount.</summary>
    public decimal Balance { get; init; }
}
