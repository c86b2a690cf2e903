using System.Numerics;

namespace PaymentFunctions.Ethereum.JsonRpc;

/// <summary>The result of <c>eth_feeHistory</c>, the input for EIP-1559 fee policies.</summary>
/// <param name="OldestBlock">The first block of the range.</param>
/// <param name="BaseFeePerGas">Base fees of the blocks in range plus the next block's (one more entry than blocks).</param>
/// <param name="GasUsedRatio">How full each block was (0..1).</param>
/// <param name="Reward">Per block, the tips at the requested percentiles.</param>
public sealed record FeeHistory(
    BigInteger OldestBlock,
    IReadOnlyList<BigInteger> BaseFeePerGas,
    IReadOnlyList<decimal> GasUsedRatio,
    IReadOnlyList<IReadOnlyList<BigInteger>> Reward)
{
    /// <summary>The base fee predicted for the next block (the last entry).</summary>
    public BigInteger NextBaseFee => BaseFeePerGas.Count > 0 ? BaseFeePerGas[^1] : BigInteger.Zero;
}
