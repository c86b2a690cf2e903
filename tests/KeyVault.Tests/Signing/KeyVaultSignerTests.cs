using System.Security.Cryptography;
using Nethereum.Model;
using Nethereum.Signer;
using Nethereum.Util;
using PaymentFunctions.Ethereum.Addresses;
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

        var address = await signer.GetAddressAsync(CancellationToken.None);

        Assert.Equal(new LocalKeySigner(PrivateKey).Address, address);
        // Published address of this well-known test key.
        Assert.Equal("0x2c7536E3605D9C16a7a3D7b1898e529396a65c23", address.ToString());
        Assert.Equal(address.ToString(), await ((IEthExternalSigner)signer).GetAddressAsync());
    }

    [Fact]
    public async Task Normalizes_high_s_from_the_vault_and_finds_the_recovery_id()
    {
        var client = new FakeVaultClient(PrivateKey) { ReturnHighS = true };
        var signer = new KeyVaultSigner(client, "signer");
        var expected = new EthECKey(PrivateKey, isPrivate: true);
        var recoveryIds = new HashSet<int>();

        for (int i = 0; i < 16; i++)
        {
            byte[] digest = Sha3Keccack.Current.CalculateHash([(byte)i]);

            EthECDSASignature signature = await signer.SignAsync(digest);

            Assert.True(signature.IsLowS, "s must be in the lower half of the order");
            Assert.Equal(expected.GetPubKey(), EthECKey.RecoverFromSignature(signature, digest).GetPubKey());
            var reference = expected.SignAndCalculateV(digest);
            Assert.Equal(reference.S, signature.S);
            Assert.Equal(reference.V, signature.V);
            recoveryIds.Add(EthECKey.GetRecIdFromV(signature.V));
        }

        Assert.Equal([0, 1], recoveryIds.Order());
    }

    [Fact]
    public async Task Signs_eip1559_transactions_that_recover_to_the_vault_key_address()
    {
        var client = new FakeVaultClient(PrivateKey) { ReturnHighS = true };
        var signer = new KeyVaultSigner(client, "signer");
        var address = await signer.GetAddressAsync(CancellationToken.None);

        var tx = new Transaction1559(31337, 3, 1, 2, 21_000, "0x3535353535353535353535353535353535353535", 5, "0x", []);
        var signed = await signer.SignEip1559Async(tx, address);

        Assert.Equal(address, Address.Parse(TransactionFactory.CreateTransaction(signed.Raw).GetSenderAddress()));
    }

    [Fact]
    public async Task Signs_with_the_key_version_pinned_at_first_use_and_reads_the_key_once()
    {
        var client = new FakeVaultClient(PrivateKey);
        var signer = new KeyVaultSigner(client, "signer");

        await signer.GetAddressAsync(CancellationToken.None);
        await signer.SignAsync(new byte[32]);
        await signer.SignAsync(Sha3Keccack.Current.CalculateHash([1]));

        Assert.Equal(1, client.GetKeyCalls);
        Assert.All(client.SignedWithKeyIds, id => Assert.Equal(new Uri("https://fake.vault.azure.net/keys/signer/v7"), id));
    }

    [Fact]
    public async Task Rejects_a_vault_signature_that_does_not_match_the_vault_public_key()
    {
        var client = new FakeVaultClient(PrivateKey) { SignWith = RandomNumberGenerator.GetBytes(32) };
        var signer = new KeyVaultSigner(client, "signer");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => signer.SignAsync(Sha3Keccack.Current.CalculateHash([1])));
        Assert.Contains("'signer'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejects_a_key_on_another_curve()
    {
        var signer = new KeyVaultSigner(new FakeVaultClient(PrivateKey, curve: "P-256"), "signer");

        await Assert.ThrowsAsync<InvalidOperationException>(() => signer.GetAddressAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    public async Task Rejects_digests_that_are_not_32_bytes(int length)
    {
        var signer = new KeyVaultSigner(new FakeVaultClient(PrivateKey), "signer");

        await Assert.ThrowsAsync<ArgumentException>(() => signer.SignAsync(new byte[length]));
    }

    [Fact]
    public async Task Left_pads_public_coordinates_the_vault_sends_without_leading_zeros()
    {
        // Find a key whose x coordinate starts with a zero byte, then strip it as a JWK encoder may.
        byte[] privateKey = Enumerable.Range(1, 100_000)
            .Select(i => { var key = new byte[32]; BitConverter.GetBytes(i).CopyTo(key, 0); key[31] = 1; return key; })
            .First(key => new EthECKey(key, isPrivate: true).GetPubKeyNoPrefix()[0] == 0);
        var client = new FakeVaultClient(privateKey);
        client.X = client.X[1..];
        var signer = new KeyVaultSigner(client, "signer");

        Assert.Equal(new LocalKeySigner(privateKey).Address, await signer.GetAddressAsync(CancellationToken.None));
        byte[] digest = Sha3Keccack.Current.CalculateHash([7]);
        EthECDSASignature signature = await signer.SignAsync(digest);
        Assert.Equal(new EthECKey(privateKey, isPrivate: true).GetPubKey(), EthECKey.RecoverFromSignature(signature, digest).GetPubKey());
    }

    [Fact]
    public void To_string_names_the_key_only()
    {
        var signer = new KeyVaultSigner(new FakeVaultClient(PrivateKey), "signer");

        Assert.Equal("KeyVaultSigner(signer)", signer.ToString());
    }
}
