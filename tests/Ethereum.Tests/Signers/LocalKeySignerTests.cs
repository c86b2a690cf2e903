using Nethereum.Model;
using Nethereum.Signer;
using Nethereum.Util;
using PaymentFunctions.Ethereum.Addresses;
using PaymentFunctions.Ethereum.Signers;

namespace PaymentFunctions.Ethereum.Tests.Signers;

public sealed class LocalKeySignerTests
{
    private const string AnvilKey0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    [Fact]
    public async Task Reports_the_address_of_its_key()
    {
        IEthExternalSigner signer = LocalKeySigner.FromHex(AnvilKey0);
        Assert.Equal(Address.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"), await signer.GetAddressAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Signed_transactions_recover_to_the_signer_address_with_low_s()
    {
        var signer = LocalKeySigner.CreateRandom();
        for (var nonce = 0; nonce < 16; nonce++)
        {
            var tx = new Transaction1559(31337, nonce, 1, 2, 21_000, LocalKeySigner.CreateRandom().Address.ToLowerHex(), 1, "0x", []);
            var signed = await signer.SignEip1559Async(tx, signer.Address);

            var decoded = (Transaction1559)TransactionFactory.CreateTransaction(signed.Raw);
            Assert.Equal(signer.Address, Address.Parse(decoded.GetSenderAddress()));
            Assert.Equal(Hex.Encode(Sha3Keccack.Current.CalculateHash(signed.Raw)), signed.Hash);
            Assert.True(new EthECDSASignature(new Org.BouncyCastle.Math.BigInteger(1, decoded.Signature.R), new Org.BouncyCastle.Math.BigInteger(1, decoded.Signature.S), decoded.Signature.V).IsLowS);
        }
    }

    [Fact]
    public async Task Refuses_a_signature_that_recovers_to_another_account()
    {
        var signer = LocalKeySigner.CreateRandom();
        var tx = new Transaction1559(31337, 0, 1, 2, 21_000, null, 0, "0x", []);
        await Assert.ThrowsAsync<InvalidOperationException>(() => signer.SignEip1559Async(tx, LocalKeySigner.CreateRandom().Address));
    }

    [Fact]
    public void ToString_never_contains_the_key()
    {
        var signer = LocalKeySigner.FromHex(AnvilKey0);
        var text = signer.ToString();
        Assert.DoesNotContain("ac0974bec39a17e3", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", text);
    }

    [Fact]
    public async Task Honours_cancellation()
    {
        var signer = LocalKeySigner.CreateRandom();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var tx = new Transaction1559(31337, 0, 1, 2, 21_000, null, 0, "0x", []);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => signer.SignEip1559Async(tx, signer.Address, cts.Token));
    }
}
