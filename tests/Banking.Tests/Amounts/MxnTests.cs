using System.Globalization;
using System.Numerics;
using PaymentFunctions.Banking.Amounts;

namespace PaymentFunctions.Banking.Tests.Amounts;

public sealed class MxnTests
{
    [Theory]
    [InlineData("0.001")]
    [InlineData("10.125")]
    [InlineData("99.999")]
    public void Rejects_more_than_two_decimal_places(string value)
    {
        Assert.Throws<ArgumentException>(() => Mxn.Of(decimal.Parse(value, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Rejects_negative_amounts()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Mxn.Of(-0.01m));
        Assert.Throws<ArgumentOutOfRangeException>(() => Mxn.Of(1m) - Mxn.Of(2m));
    }

    [Fact]
    public void Normalizes_to_two_places_and_keeps_trailing_zeros_equal()
    {
        Assert.Equal("100.00", Mxn.Of(100m).ToString());
        Assert.Equal("100.50", Mxn.Of(100.5m).ToString());
        Assert.Equal(Mxn.Of(100.5m), Mxn.Of(100.50m));
        Assert.Equal(2, Mxn.Of(7m).Amount.Scale);
    }

    [Theory]
    [InlineData("100.00", true)]
    [InlineData("99.99", false)]
    [InlineData("0.00", false)]
    [InlineData("1000000.00", true)]
    public void Enforces_100_mxn_redemption_minimum(string value, bool redeemable)
    {
        var amount = Mxn.Parse(value);
        Assert.Equal(redeemable, amount.MeetsRedemptionMinimum);
        Assert.Equal(redeemable, amount.ToMxnb().MeetsRedemptionMinimum);
        if (redeemable)
        {
            Assert.Equal(amount, amount.EnsureRedeemable());
        }
        else
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => amount.EnsureRedeemable());
        }
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("1,000.00")]
    public void Parse_rejects_malformed_text(string value)
    {
        Assert.Throws<FormatException>(() => Mxn.Parse(value));
    }

    [Fact]
    public void Converts_to_mxnb_base_units_exactly()
    {
        Assert.Equal(new BigInteger(100_000_000), Mxn.Of(100m).ToMxnb().BaseUnits);
        Assert.Equal(new BigInteger(1_234_560_000), Mxn.Of(1234.56m).ToMxnb().BaseUnits);
        Assert.Equal(new BigInteger(10_000), Mxn.Of(0.01m).ToMxnb().BaseUnits);
    }

    [Fact]
    public void Round_trips_through_mxnb_for_many_values()
    {
        var random = new Random(20261121);
        for (var i = 0; i < 5000; i++)
        {
            var centavos = random.NextInt64(0, 10_000_000_000_000L);
            var mxn = Mxn.FromCentavos(centavos);

            Assert.Equal(centavos, mxn.Centavos);
            Assert.Equal(mxn, mxn.ToMxnb().ToMxn());
            Assert.Equal(mxn, Mxn.Parse(mxn.ToString()));
            Assert.Equal(mxn.Amount, mxn.ToMxnb().ToTokens());
        }
    }

    [Fact]
    public void Addition_and_subtraction_are_exact()
    {
        var random = new Random(3);
        for (var i = 0; i < 2000; i++)
        {
            var a = Mxn.FromCentavos(random.NextInt64(0, 1_000_000_000));
            var b = Mxn.FromCentavos(random.NextInt64(0, 1_000_000_000));
            var sum = a + b;
            Assert.Equal(a.Centavos + b.Centavos, sum.Centavos);
            Assert.Equal(a, sum - b);
            Assert.Equal(a.ToMxnb() + b.ToMxnb(), sum.ToMxnb());
        }
    }
}
