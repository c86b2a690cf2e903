using PaymentFunctions.Banking.Spei;

namespace PaymentFunctions.Banking.Tests.Spei;

public sealed class TrackingKeyTests
{
    private static readonly DateOnly Day = new(2026, 11, 21);

    [Fact]
    public void Same_payment_attempt_and_date_give_the_same_key()
    {
        Assert.Equal(TrackingKey.Derive("pay_123", 1, Day), TrackingKey.Derive("pay_123", 1, Day));
    }

    [Fact]
    public void Keys_are_alphanumeric_and_at_most_30_characters()
    {
        for (var i = 0; i < 500; i++)
        {
            var key = TrackingKey.Derive($"pay_{i}", i % 7 + 1, Day.AddDays(i % 3)).Value;
            Assert.InRange(key.Length, 1, TrackingKey.MaxLength);
            Assert.All(key, c => Assert.True(char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c), $"bad char {c}"));
            Assert.StartsWith("PF", key, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Each_attempt_gets_a_different_key()
    {
        var keys = Enumerable.Range(1, 1000).Select(a => TrackingKey.Derive("pay_123", a, Day).Value).ToList();
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Different_payments_and_days_get_different_keys()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var p = 0; p < 200; p++)
        {
            for (var d = 0; d < 5; d++)
            {
                Assert.True(keys.Add(TrackingKey.Derive($"pay_{p}", 1, Day.AddDays(d)).Value));
            }
        }
    }

    [Fact]
    public void Custom_prefix_is_kept_and_length_still_capped()
    {
        var key = TrackingKey.Derive("pay_1", 1, Day, "JUNO2026").Value;
        Assert.StartsWith("JUNO2026", key, StringComparison.Ordinal);
        Assert.Equal(TrackingKey.MaxLength, key.Length);
    }

    [Theory]
    [InlineData("lower")]
    [InlineData("WAYTOOLONGPREFIX")]
    [InlineData("A-B")]
    public void Rejects_invalid_prefix(string prefix)
    {
        Assert.Throws<ArgumentException>(() => TrackingKey.Derive("pay_1", 1, Day, prefix));
    }

    [Fact]
    public void Rejects_non_positive_attempt_and_empty_payment()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TrackingKey.Derive("pay_1", 0, Day));
        Assert.Throws<ArgumentException>(() => TrackingKey.Derive("", 1, Day));
    }

    [Theory]
    [InlineData("ABC-123")]
    [InlineData("A234567890123456789012345678901")]
    public void Parse_rejects_keys_breaking_spei_rules(string value)
    {
        Assert.Throws<FormatException>(() => TrackingKey.Parse(value));
    }
}
