using PaymentFunctions.Ethereum.Addresses;
using PaymentFunctions.Ethereum.Crypto;
using PaymentFunctions.Ethereum.Signers;

namespace PaymentFunctions.Ethereum.Tests.Signers;

public sealed class LocalKeySignerTests
{
    private const string AnvilKey0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    [Fact]
    public async Task Reports_the_address_of_its_key()
    {
        IEthereumSigner signer = LocalKeySigner.FromHex(AnvilKey0);
        Assert.Equal(Address.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"), await signer.GetAddressAsync());
    }

    [Fact]
    public async Task Signatures_recover_to_the_signer_address()
    {
        IEthereumSigner signer = LocalKeySigner.CreateRandom();
        var digest = Keccak256.HashUtf8("pay 100 MXNB");
        var signature = await signer.SignDigestAsync(digest);
        var recovered = Address.FromPublicKey(Secp256k1.RecoverPublicKey(digest, signature));
        Assert.Equal(await signer.GetAddressAsync(), recovered);
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
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            async () => await signer.SignDigestAsync(new byte[32], cts.Token));
    }
}
