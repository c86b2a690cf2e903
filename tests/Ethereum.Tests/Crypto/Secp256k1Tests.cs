using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using PaymentFunctions.Ethereum.Crypto;

namespace PaymentFunctions.Ethereum.Tests.Crypto;

public sealed class Secp256k1Tests
{
    private static readonly byte[] KeyOne = Hex.Decode("0x0000000000000000000000000000000000000000000000000000000000000001");

    [Fact]
    public void Public_key_of_one_is_the_generator()
    {
        var publicKey = Secp256k1.GetPublicKey(KeyOne);
        Assert.Equal(
            "0x79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8",
            Hex.Encode(publicKey));
    }

    [Fact]
    public void Signs_rfc6979_vector_for_key_one()
    {
        // Widely used RFC 6979 secp256k1 vector (key 1, SHA-256 of "Satoshi Nakamoto").
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes("Satoshi Nakamoto"));
        var signature = Secp256k1.Sign(digest, KeyOne);
        Assert.Equal("0x934b1ea10a4b3c1757e2b0c017d0b6143ce3c9a7e6a4a49860d7a6ab210ee3d8", Hex.Encode(Hex.ToBytes(signature.R, 32)));
        Assert.Equal("0x2442ce9d2b916064108014783e923ec36b49743e2ffa1c4496f01a512aafd9e5", Hex.Encode(Hex.ToBytes(signature.S, 32)));
    }

    [Fact]
    public void Signing_is_deterministic()
    {
        var key = RandomKey(7);
        var digest = Keccak256.HashUtf8("same message");
        Assert.Equal(Secp256k1.Sign(digest, key), Secp256k1.Sign(digest, key));
        Assert.NotEqual(Secp256k1.Sign(digest, key), Secp256k1.Sign(Keccak256.HashUtf8("other message"), key));
    }

    [Fact]
    public void Recovers_the_signing_key_and_returns_low_s()
    {
        for (var i = 0; i < 40; i++)
        {
            var key = RandomKey(i);
            var digest = Keccak256.HashUtf8($"message {i}");
            var signature = Secp256k1.Sign(digest, key);

            Assert.True(signature.S <= Secp256k1.N / 2, "s must be in the lower half");
            Assert.InRange(signature.RecoveryId, 0, 1);
            Assert.Equal(Secp256k1.GetPublicKey(key), Secp256k1.RecoverPublicKey(digest, signature));
            Assert.True(Secp256k1.Verify(digest, signature.R, signature.S, Secp256k1.GetPublicKey(key)));
        }
    }

    [Fact]
    public void Finds_recovery_id_after_normalizing_a_high_s_signature()
    {
        var key = RandomKey(99);
        var publicKey = Secp256k1.GetPublicKey(key);
        var digest = Keccak256.HashUtf8("hsm output");
        var signature = Secp256k1.Sign(digest, key);
        var highS = Secp256k1.N - signature.S;

        var (r, s) = Secp256k1.NormalizeLowS(signature.R, highS);

        Assert.Equal(signature.S, s);
        Assert.Equal(signature.RecoveryId, Secp256k1.FindRecoveryId(digest, r, s, publicKey));
    }

    [Fact]
    public void Rejects_recovery_id_search_for_a_foreign_key()
    {
        var digest = Keccak256.HashUtf8("x");
        var signature = Secp256k1.Sign(digest, RandomKey(1));
        Assert.Throws<ArgumentException>(() =>
            Secp256k1.FindRecoveryId(digest, signature.R, signature.S, Secp256k1.GetPublicKey(RandomKey(2))));
    }

    [Fact]
    public void Verify_fails_for_a_tampered_digest()
    {
        var key = RandomKey(3);
        var signature = Secp256k1.Sign(Keccak256.HashUtf8("a"), key);
        Assert.False(Secp256k1.Verify(Keccak256.HashUtf8("b"), signature.R, signature.S, Secp256k1.GetPublicKey(key)));
    }

    [Theory]
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")]
    [InlineData("0x01")]
    public void Rejects_invalid_private_keys(string key)
    {
        Assert.Throws<ArgumentException>(() => Secp256k1.GetPublicKey(Hex.Decode(key)));
    }

    [Fact]
    public void Compact_form_round_trips_with_v_27_or_0()
    {
        var signature = Secp256k1.Sign(Keccak256.HashUtf8("c"), RandomKey(5));
        var compact = signature.ToCompact();
        Assert.Equal(65, compact.Length);
        Assert.Equal(27 + signature.RecoveryId, compact[64]);
        Assert.Equal(signature, EcdsaSignature.FromCompact(compact));
        Assert.Equal(signature, EcdsaSignature.FromCompact(signature.ToCompact(vOffset: 0)));
    }

    private static byte[] RandomKey(int seed)
    {
        var key = Keccak256.HashUtf8($"test key {seed}");
        Assert.True(Hex.ToBigInteger(key) < Secp256k1.N);
        return key;
    }
}
