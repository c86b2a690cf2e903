using PaymentFunctions.Payments.Domain;

namespace PaymentFunctions.Payments.Tests.Domain;

public sealed class PaymentIdTests
{
    [Fact]
    public void New_ids_have_the_prefix_and_26_lower_case_base32_characters()
    {
        var id = PaymentId.New();

        Assert.Matches("^pay_[0-9a-hjkmnp-tv-z]{26}$", id);
        Assert.True(PaymentId.IsValid(id));
    }

    [Fact]
    public void New_ids_are_unique()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => PaymentId.New()).ToHashSet();

        Assert.Equal(10_000, ids.Count);
    }

    [Fact]
    public void Ids_from_later_times_sort_after_earlier_ones()
    {
        var early = new FixedTime(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var late = new FixedTime(new DateTimeOffset(2026, 1, 1, 0, 0, 0, 1, TimeSpan.Zero));

        Assert.True(string.CompareOrdinal(PaymentId.New(early), PaymentId.New(late)) < 0);
        Assert.Equal(PaymentId.New(early)[..14], PaymentId.New(early)[..14]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("pay_")]
    [InlineData("PAY_01jd5x7y8z9abcdefghjkmnpqr")]
    [InlineData("pay_01JD5X7Y8Z9ABCDEFGHJKMNPQR")]
    [InlineData("pay_01jd5x7y8z9abcdefghjkmnpqi")]
    [InlineData("pay_01jd5x7y8z9abcdefghjkmnpq")]
    [InlineData("pi_001jd5x7y8z9abcdefghjkmnpqr")]
    public void Malformed_ids_are_invalid(string? value)
    {
        Assert.False(PaymentId.IsValid(value));
    }

    [Fact]
    public void A_well_formed_id_is_valid()
    {
        Assert.True(PaymentId.IsValid("pay_01jd5x7y8z9abcdefghjkmnpqr"));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
