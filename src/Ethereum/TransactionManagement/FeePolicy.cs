using System.Numerics;

namespace PaymentFunctions.Ethereum.TransactionManagement;

/// <summary>
/// How EIP-1559 fees are chosen from <c>eth_feeHistory</c>: the tip is a percentile of recent tips times a
/// multiplier (at least <see cref="MinPriorityFeePerGas"/>); the fee cap is the next block's base fee times
/// <see cref="BaseFeeMultiplier"/> plus the tip, so a transaction survives a few full blocks of base-fee rises.
/// </summary>
public sealed record FeePolicy
{
    /// <summary>How many recent blocks <c>eth_feeHistory</c> looks at.</summary>
    public int HistoryBlocks { get; init; } = 10;

    /// <summary>The tip percentile (0..100) taken from each block's rewards.</summary>
    public decimal PriorityFeePercentile { get; init; } = 50m;

    /// <summary>Multiplies the observed tip (e.g. 1.5 to outbid the median).</summary>
    public decimal PriorityFeeMultiplier { get; init; } = 1m;

    /// <summary>The smallest tip offered, also used when recent blocks were empty.</summary>
    public BigInteger MinPriorityFeePerGas { get; init; } = 1_000_000_000;

    /// <summary>Multiplies the next block's base fee in the fee cap.</summary>
    public decimal BaseFeeMultiplier { get; init; } = 2m;

    /// <summary>The highest fee cap ever signed, replacements included; null for no cap.</summary>
    public BigInteger? MaxFeePerGasCap { get; init; }

    /// <summary>
    /// How much a replacement raises both the fee cap and the tip, in percent. Nodes reject replacements below
    /// 10 %, so smaller values are refused.
    /// </summary>
    public int ReplacementIncreasePercent { get; init; } = 12;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(HistoryBlocks, 1, nameof(HistoryBlocks));
        if (PriorityFeePercentile is < 0m or > 100m)
        {
            throw new ArgumentOutOfRangeException(nameof(PriorityFeePercentile), PriorityFeePercentile, "A percentile is between 0 and 100.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(PriorityFeeMultiplier, nameof(PriorityFeeMultiplier));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BaseFeeMultiplier, nameof(BaseFeeMultiplier));
        if (MinPriorityFeePerGas.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MinPriorityFeePerGas), "The minimum tip cannot be negative.");
        }

        if (MaxFeePerGasCap is { } cap && cap.Sign <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxFeePerGasCap), "The fee cap must be positive.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(ReplacementIncreasePercent, 10, nameof(ReplacementIncreasePercent));
    }
}
