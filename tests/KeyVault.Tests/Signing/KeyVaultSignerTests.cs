using System.Security.Cryptography;
using PaymentFunctions.Ethereum.Crypto;
using PaymentFunctions.Ethereum.Signers;
using PaymentFunctions.KeyVault.Keys;
using PaymentFunctions.KeyVault.Signing;

namespace PaymentFunctions.KeyVault.Tests.Signing;

public sealed class KeyVaultSignerTests
{
    private static readonly byte[] PrivateKey = Convert.FromHexString("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");

    [Fact]
    public async Task Address_is_derived_from_the_vault_public_key()
    {
        var signer = new KeyVaultSigner(new FakeVaultClient(PrivateKey), "signer");

        var address = await signer.GetAddressAsync();

        Assert.Equal(new LocalKeySigner(PrivateKey).Address, address);
        // Published address of this well-known test key.
        Assert.Equal("0x2c7536E3605D9C16a7a3D7b1898e529396a65c23", address.ToString());
    }

    [Fact]
    public async Task Normalizes_high_s_from_the_vault_and_finds_the_recovery_id()
    {
        var client = new FakeVaultClient(PrivateKey) { ReturnHighS = true };
        var signer = new KeyVaultSigner(client, "signer");
        var expected = new LocalKeySigner(PrivateKey);
        var recoveryIds = new HashSet<int>();

        for (int i = 0; i < 16; i++)
        {
            byte[] digest = Keccak256.Hash([(byte)i]);

            EcdsaSignature signature = await signer.SignDigestAsync(digest);

            Assert.True(signature.S <= Secp256k1.N / 2, "s must be in the lower half of the order");
            Assert.Equal(expected.PublicKey.ToArray(), Secp256k1.RecoverPublicKey(digest, signature));
            Assert.Equal(await expected.SignDigestAsync(digest), signature);
            recoveryIds.Add(signature.RecoveryId);
        }

        Assert.Equal([0, 1], recoveryIds.Order());
    }

    [Fact]
    public async Task Signs_with_the_key_version_pinned_at_first_use_and_reads_the_key_once()
    {
        var client = new FakeVaultClient(PrivateKey);
        var signer = new KeyVaultSigner(client, "signer");

        await signer.GetAddressAsync();
        await signer.SignDigestAsync(new byte[32]);
        await signer.SignDigestAsync(Keccak256.Hash([1]));

        Assert.Equal(1, client.GetKeyCalls);
        Assert.All(client.SignedWithKeyIds, id => Assert.Equal(new Uri("https://fake.vault.azure.net/keys/signer/v7"), id));
    }

    [Fact]
    public async Task Rejects_a_vault_signature_that_does_not_match_the_vault_public_key()
    {
        var client = new FakeVaultClient(PrivateKey) { SignWith = RandomNumberGenerator.GetBytes(32) };
        var signer = new KeyVaultSigner(client, "signer");

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await signer.SignDigestAsync(Keccak256.Hash([1])));
    }

    [Fact]
    public async Task Rejects_a_key_on_another_curve()
    {
        var signer = new KeyVaultSigner(new FakeVaultClient(PrivateKey, curve: "P-256"), "signer");

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await signer.GetAddressAsync());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    public async Task Rejects_digests_that_are_not_32_bytes(int length)
    {
        var signer = new KeyVaultSigner(new FakeVaultClient(PrivateKey), "signer");

        await Assert.ThrowsAsync<ArgumentException>(async () => await signer.SignDigestAsync(new byte[length]));
    }

    [Fact]
    public async Task Left_pads_public_coordinates_the_vault_sends_without_leading_zeros()
    {
        // Find a key whose x coordinate starts with a zero byte, then strip it as a JWK encoder may.
        byte[] privateKey = Enumerable.Range(1, 100_000)
            .Select(i => { var key = new byte[32]; BitConverter.GetBytes(i).CopyTo(key, 0); key[31] = 1; return key; })
            .First(key => Secp256k1.GetPublicKey(key)[0] == 0);
        var client = new FakeVaultClient(privateKey);
        client.X = client.X[1..];
        var signer = new KeyVaultSigner(client, "signer");

        Assert.Equal(new LocalKeySigner(privateKey).Address, await signer.GetAddressAsync());
        EcdsaSignature signature = await signer.SignDigestAsync(Keccak256.Hash([7]));
        Assert.Equal(Secp256k1.GetPublicKey(privateKey), Secp256k1.RecoverPublicKey(Keccak256.Hash([7]), signature));
    }

    [Fact]
    public void To_string_names_the_key_only()
    {
        var signer = new KeyVaultSigner(new FakeVaultClient(PrivateKey), "signer");

        Assert.Equal("KeyVaultSigner(signer)", signer.ToString());
    }
}
