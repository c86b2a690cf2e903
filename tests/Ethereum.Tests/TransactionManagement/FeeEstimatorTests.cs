using System.Numerics;
using PaymentFunctions.Ethereum.JsonRpc;
using PaymentFunctions.Ethereum.TransactionManagement;

namespace PaymentFunctions.Ethereum.Tests.TransactionManagement;

public sealed class FeeEstimatorTests
{
    private const long Gwei = 1_000_000_000;

    [Fact]
    public void Fee_cap_is_twice_the_next_base_fee_plus_the_median_tip()
    {
        var history = History(nextBaseFee: 10 * Gwei, tips: [3 * Gwei, 1 * Gwei, 2 * Gwei]);

        var fees = FeeEstimator.FromHistory(history, new FeePolicy { MinPriorityFeePerGas = 0 });

        Assert.Equal(new BigInteger(2 * Gwei), fees.MaxPriorityFeePerGas);
        Assert.Equal(new BigInteger(22 * Gwei), fees.MaxFeePerGas);
    }

    [Fact]
    public void Empty_blocks_fall_back_to_the_minimum_tip_and_the_multiplier_applies_exactly()
    {
        var policy = new FeePolicy { MinPriorityFeePerGas = 5, PriorityFeeMultiplier = 1.5m, BaseFeeMultiplier = 1.25m };

        var empty = FeeEstimator.FromHistory(History(nextBaseFee: 101, tips: [0, 0]), policy);
        var busy = FeeEstimator.FromHistory(History(nextBaseFee: 101, tips: [0, 7]), policy);

        Assert.Equal(new BigInteger(5), empty.MaxPriorityFeePerGas);
        Assert.Equal(new BigInteger(127 + 5), empty.MaxFeePerGas); // 101 * 1.25 = 126.25, rounded up
        Assert.Equal(new BigInteger(11), busy.MaxPriorityFeePerGas); // 7 * 1.5 = 10.5, rounded up
    }

    [Fact]
    public void Fee_cap_limits_new_transactions()
    {
        var fees = FeeEstimator.FromHistory(History(nextBaseFee: 100 * Gwei, tips: [50 * Gwei]), new FeePolicy { MaxFeePerGasCap = 30 * Gwei });

        Assert.Equal(new BigInteger(30 * Gwei), fees.MaxFeePerGas);
        Assert.Equal(new BigInteger(30 * Gwei), fees.MaxPriorityFeePerGas);
    }

    [Fact]
    public void Replacement_raises_both_fees_by_at_least_the_policy_percentage()
    {
        var previous = new FeeEstimate(1000, 100);
        var quietMarket = new FeeEstimate(10, 1);

        var bumped = FeeEstimator.Bump(previous, quietMarket, new FeePolicy { ReplacementIncreasePercent = 10 })!.Value;

        Assert.Equal(new BigInteger(1100), bumped.MaxFeePerGas);
        Assert.Equal(new BigInteger(110), bumped.MaxPriorityFeePerGas);
    }

    [Fact]
    public void Replacement_follows_the_market_when_it_rose_more_and_rounds_tiny_fees_up()
    {
        var bumped = FeeEstimator.Bump(new FeeEstimate(1000, 1), new FeeEstimate(5000, 3), new FeePolicy())!.Value;
        var tiny = FeeEstimator.Bump(new FeeEstimate(3, 1), new FeeEstimate(0, 0), new FeePolicy())!.Value;

        Assert.Equal(new BigInteger(5000), bumped.MaxFeePerGas);
        Assert.Equal(new BigInteger(3), bumped.MaxPriorityFeePerGas);
        Assert.Equal(new BigInteger(4), tiny.MaxFeePerGas);
        Assert.Equal(new BigInteger(2), tiny.MaxPriorityFeePerGas);
    }

    [Fact]
    public void Replacement_beyond_the_cap_is_refused()
    {
        var bumped = FeeEstimator.Bump(new FeeEstimate(1000, 100), new FeeEstimate(10, 1), new FeePolicy { MaxFeePerGasCap = 1099 });

        Assert.Null(bumped);
    }

    [Fact]
    public void Replacement_increase_below_ten_percent_is_rejected_by_the_options()
    {
        var rpc = new EthereumRpcClient(new HttpClient(), new Uri("http://127.0.0.1:1/"));
        using var dataSource = Npgsql.NpgsqlDataSource.Create("Host=127.0.0.1;Port=1");
        var options = new TransactionManagerOptions { Fees = new FeePolicy { ReplacementIncreasePercent = 9 } };

        Assert.Throws<ArgumentOutOfRangeException>(() => new TransactionManager(rpc, dataSource, options));
        Assert.Throws<ArgumentException>(() => new TransactionManager(rpc, dataSource, new TransactionManagerOptions { Schema = "chain; DROP TABLE x" }));
    }

    private static FeeHistory History(long nextBaseFee, long[] tips) => new(
        OldestBlock: 1,
        BaseFeePerGas: [.. tips.Select(_ => new BigInteger(nextBaseFee)), nextBaseFee],
        GasUsedRatio: [.. tips.Select(_ => 0.5m)],
        Reward: [.. tips.Select(t => (IReadOnlyList<BigInteger>)[t])]);
}
