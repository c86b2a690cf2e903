using System.Numerics;
using PaymentFunctions.Banking.Amounts;

namespace PaymentFunctions.Banking.Tests.Amounts;

public sealed class MxnbAmountTests
{
    [Fact]
    public void Sub_centavo_amounts_do_not_convert_to_mxn()
    {
        var amount = MxnbAmount.FromBaseUnits(1_000_001);

        Assert.False(amount.IsWholeCentavos);
        Assert.False(amount.TryToMxn(out _));
        Assert.Throws<InvalidOperationException>(() => amount.ToMxn());
    }

    [Fact]
    public void Rejects_negative_and_over_precise_amounts()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MxnbAmount.FromBaseUnits(BigInteger.MinusOne));
        Assert.Throws<ArgumentOutOfRangeException>(() => MxnbAmount.FromTokens(-1m));
        Assert.Throws<ArgumentException>(() => MxnbAmount.FromTokens(0.0000001m));
        Assert.Throws<ArgumentOutOfRangeException>(() => MxnbAmount.FromBaseUnits(1) - MxnbAmount.FromBaseUnits(2));
    }

    [Fact]
    public void Formats_with_six_decimals()
    {
        Assert.Equal("100.000000", MxnbAmount.FromBaseUnits(100_000_000).ToString());
        Assert.Equal("0.000001", MxnbAmount.FromBaseUnits(1).ToString());
        Assert.Equal("12.345678", MxnbAmount.FromTokens(12.345678m).ToString());
    }

    [Fact]
    public void Round_trips_between_tokens_and_base_units_for_many_values()
    {
        var random = new Random(42);
        for (var i = 0; i < 5000; i++)
        {
            var units = new BigInteger(random.NextInt64(0, long.MaxValue)) * random.Next(1, 1000);
            var amount = MxnbAmount.FromBaseUnits(units);

            Assert.Equal(amount, MxnbAmount.FromTokens(amount.ToTokens()));
            Assert.Equal(units, amount.BaseUnits);
            if (amount.TryToMxn(out var mxn))
            {
                Assert.Equal(amount, mxn.ToMxnb());
            }
            else
            {
                Assert.False(BigInteger.Remainder(units, 10_000).IsZero);
            }
        }
    }

    [Fact]
    public void Whole_centavo_amounts_always_convert_exactly()
    {
        var random = new Random(99);
        for (var i = 0; i < 5000; i++)
        {
            var centavos = random.NextInt64(0, 1_000_000_000_000L);
            var amount = MxnbAmount.FromBaseUnits(new BigInteger(centavos) * 10_000);
            Assert.True(amount.IsWholeCentavos);
            Assert.Equal(centavos, amount.ToMxn().Centavos);
        }
    }
}
