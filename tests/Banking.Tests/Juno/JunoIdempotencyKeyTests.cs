using PaymentFunctions.Banking.Amounts;
using PaymentFunctions.Banking.Juno;
using PaymentFunctions.Banking.Juno.Models;

namespace PaymentFunctions.Banking.Tests.Juno;

public sealed class JunoIdempotencyKeyTests
{
    [Fact]
    public void Same_step_gives_the_same_version_5_uuid()
    {
        var a = JunoIdempotencyKey.From("payment-pay_1", 7);
        var b = JunoIdempotencyKey.From("payment-pay_1:7");

        Assert.Equal(a, b);
        var guid = Guid.Parse(a);
        Assert.Equal(5, guid.Version);
        Assert.Equal(a, guid.ToString());
    }

    [Fact]
    public void Different_steps_give_different_keys()
    {
        var keys = Enumerable.Range(0, 1000).Select(i => JunoIdempotencyKey.From("payment-pay_1", i)).ToList();
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.NotEqual(JunoIdempotencyKey.From("payment-pay_1", 1), JunoIdempotencyKey.From("payment-pay_2", 1));
    }

    [Fact]
    public void Matches_rfc_9562_v5_algorithm_for_the_dns_namespace_example()
    {
        // RFC 9562 appendix A.4: UUIDv5 of "www.example.com" in the DNS namespace.
        Assert.Equal("2ed6657d-e927-568b-95e1-2665a8aea6a2", JunoIdempotencyKey.NameBasedUuid(new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "www.example.com"));
    }

    [Fact]
    public void Typed_request_factories_format_exact_amounts()
    {
        Assert.Equal("150.00", JunoRedemptionRequest.Create(Mxn.Of(150m), "acc").Amount);
        Assert.Throws<ArgumentOutOfRangeException>(() => JunoRedemptionRequest.Create(Mxn.Of(99.99m), "acc"));
        Assert.Equal("12.345678", JunoWithdrawalRequest.Create(MxnbAmount.FromTokens(12.345678m), "0xabc").Amount);
        Assert.Throws<ArgumentOutOfRangeException>(() => JunoWithdrawalRequest.Create(MxnbAmount.Zero, "0xabc"));
    }
}
