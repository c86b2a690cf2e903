using System.Security.Cryptography;
using System.Text;
using PaymentFunctions.Banking.Juno;

namespace PaymentFunctions.Banking.Tests.Juno;

public sealed class JunoRequestSignerTests
{
    private const string Secret = "juno-test-secret";
    private const string RedemptionBody = """{"amount":"100.00","destination_bank_account_id":"0b338ba9-7c3a-4a13-964b-0c0ca6bb473e","asset":"MXN"}""";

    [Fact]
    public void Reproduces_known_signatures_computed_with_openssl()
    {
        // printf '%s' '<nonce><method><path><body>' | openssl dgst -sha256 -hmac 'juno-test-secret'
        Assert.Equal(
            "68930cf0de4c23e112f02015a857de1ec6d17867a12840be52d07502e659924d",
            JunoRequestSigner.ComputeSignature(Secret, 1700000000000, "POST", "/mint_platform/v1/redemptions", RedemptionBody));
        Assert.Equal(
            "289d04452b45744ad9364ae9128f07bde056ec998d57891a99c865a756bdbc43",
            JunoRequestSigner.ComputeSignature(Secret, 1700000000001, "GET", "/mint_platform/v1/transactions?type=ISSUANCE&page=1&size=25", string.Empty));
    }

    [Fact]
    public void Header_matches_documented_recipe_computed_independently()
    {
        var time = new FixedTime(DateTimeOffset.FromUnixTimeMilliseconds(1_732_000_000_000));
        var signer = new JunoRequestSigner("my-key", Secret, time);

        var header = signer.CreateAuthorizationHeader("POST", "/mint_platform/v1/redemptions", RedemptionBody);

        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(Secret));
        var expected = Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes("1732000000000" + "POST" + "/mint_platform/v1/redemptions" + RedemptionBody))).ToLowerInvariant();
        Assert.Equal($"Bitso my-key:1732000000000:{expected}", header);
    }

    [Fact]
    public void Signature_changes_with_every_part_of_the_request()
    {
        var baseline = JunoRequestSigner.ComputeSignature(Secret, 1, "POST", "/a?x=1", "{}");
        Assert.NotEqual(baseline, JunoRequestSigner.ComputeSignature(Secret, 2, "POST", "/a?x=1", "{}"));
        Assert.NotEqual(baseline, JunoRequestSigner.ComputeSignature(Secret, 1, "GET", "/a?x=1", "{}"));
        Assert.NotEqual(baseline, JunoRequestSigner.ComputeSignature(Secret, 1, "POST", "/a?x=2", "{}"));
        Assert.NotEqual(baseline, JunoRequestSigner.ComputeSignature(Secret, 1, "POST", "/a?x=1", "{ }"));
        Assert.NotEqual(baseline, JunoRequestSigner.ComputeSignature("other", 1, "POST", "/a?x=1", "{}"));
    }

    [Fact]
    public void Nonces_strictly_increase_even_when_the_clock_stands_still()
    {
        var signer = new JunoRequestSigner("k", Secret, new FixedTime(DateTimeOffset.FromUnixTimeMilliseconds(5000)));
        var previous = 0L;
        for (var i = 0; i < 100; i++)
        {
            var nonce = signer.NextNonce();
            Assert.True(nonce > previous);
            previous = nonce;
        }

        Assert.Equal(5099, previous);
    }

    [Fact]
    public async Task Nonces_are_unique_and_increasing_per_thread_under_concurrency()
    {
        var signer = new JunoRequestSigner("k", Secret);
        var perThread = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            var list = new List<long>(5000);
            for (var i = 0; i < 5000; i++)
            {
                list.Add(signer.NextNonce());
            }

            return list;
        })));

        Assert.All(perThread, list => Assert.True(list.Zip(list.Skip(1)).All(p => p.Second > p.First)));
        var all = perThread.SelectMany(l => l).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
    }

    [Fact]
    public void Parses_its_own_header()
    {
        var signer = new JunoRequestSigner("key1", Secret);
        var header = signer.CreateAuthorizationHeader("GET", "/mint_platform/v1/balances", string.Empty);

        Assert.True(JunoRequestSigner.TryParseAuthorizationHeader(header, out var key, out var nonce, out var signature));
        Assert.Equal("key1", key);
        Assert.Equal(JunoRequestSigner.ComputeSignature(Secret, nonce, "GET", "/mint_platform/v1/balances", string.Empty), signature);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer abc")]
    [InlineData("Bitso key:notanumber:sig")]
    [InlineData("Bitso key:1")]
    [InlineData("Bitso :1:sig")]
    public void Rejects_malformed_headers(string? header)
    {
        Assert.False(JunoRequestSigner.TryParseAuthorizationHeader(header, out _, out _, out _));
    }

    [Fact]
    public void Options_ToString_never_shows_the_secret()
    {
        var options = new JunoOptions { ApiKey = "k", ApiSecret = "super-secret-value" };
        Assert.DoesNotContain("super-secret-value", options.ToString(), StringComparison.Ordinal);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
