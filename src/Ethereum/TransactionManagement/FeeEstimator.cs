using System.Numerics;
using PaymentFunctions.Ethereum.JsonRpc;

namespace PaymentFunctions.Ethereum.TransactionManagement;

/// <summary>Applies a <see cref="FeePolicy"/> to <c>eth_feeHistory</c>; all arithmetic is exact integer wei.</summary>
internal sealed class FeeEstimator(EthereumRpcClient rpc, FeePolicy policy)
{
    private const int Scale = 1_000_000;

    /// <summary>Fees for a new transaction at current market conditions, within the cap.</summary>
    public async Task<FeeEstimate> EstimateAsync(CancellationToken cancellationToken)
    {
        var history = await rpc.GetFeeHistoryAsync(policy.HistoryBlocks, BlockParameter.Latest, [policy.PriorityFeePercentile], cancellationToken).ConfigureAwait(false);
        return FromHistory(history, policy);
    }

    /// <summary>The fee rule, separate from the RPC so it can be tested with made-up histories.</summary>
    public static FeeEstimate FromHistory(FeeHistory history, FeePolicy policy)
    {
        // Empty blocks report a zero tip; they say nothing about what it takes to get in.
        var tips = history.Reward.Where(r => r.Count > 0 && r[0].Sign > 0).Select(r => r[0]).Order().ToArray();
        var observed = tips.Length == 0 ? BigInteger.Zero : tips[tips.Length / 2];
        var priority = BigInteger.Max(MultiplyUp(observed, policy.PriorityFeeMultiplier), policy.MinPriorityFeePerGas);
        var maxFee = MultiplyUp(history.NextBaseFee, policy.BaseFeeMultiplier) + priority;
        return Capped(new FeeEstimate(maxFee, priority), policy.MaxFeePerGasCap);
    }

    /// <summary>
    /// Fees for a replacement: both raised by at least the policy's percentage over <paramref name="previous"/> and
    /// never below the market; null when that would exceed the cap (the transaction cannot be replaced).
    /// </summary>
    public static FeeEstimate? Bump(FeeEstimate previous, FeeEstimate market, FeePolicy policy)
    {
        var percent = 100 + policy.ReplacementIncreasePercent;
        var priority = BigInteger.Max(PercentUp(previous.MaxPriorityFeePerGas, percent), market.MaxPriorityFeePerGas);
        var maxFee = BigInteger.Max(PercentUp(previous.MaxFeePerGas, percent), market.MaxFeePerGas);
        maxFee = BigInteger.Max(maxFee, priority);
        if (policy.MaxFeePerGasCap is { } cap && maxFee > cap)
        {
            return null;
        }

        return new FeeEstimate(maxFee, priority);
    }

    /// <summary><paramref name="value"/> × <paramref name="factor"/>, rounded up (factor to six decimal places).</summary>
    public static BigInteger MultiplyUp(BigInteger value, decimal factor)
    {
        var numerator = new BigInteger(decimal.Round(factor * Scale, MidpointRounding.AwayFromZero));
        return DivideUp(value * numerator, Scale);
    }

    private static BigInteger PercentUp(BigInteger value, int percent) =>
        BigInteger.Max(DivideUp(value * percent, 100), value + 1);

    private static BigInteger DivideUp(BigInteger numerator, BigInteger denominator) =>
        (numerator + denominator - 1) / denominator;

    private static FeeEstimate Capped(FeeEstimate fees, BigInteger? cap)
    {
        if (cap is not { } c || fees.MaxFeePerGas <= c)
        {
            return fees;
        }

        return new FeeEstimate(c, BigInteger.Min(fees.MaxPriorityFeePerGas, c));
    }
}
