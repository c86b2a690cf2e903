using System.Numerics;
using PaymentFunctions.Ethereum.Addresses;
using PaymentFunctions.Ethereum.Crypto;
using PaymentFunctions.Ethereum.Signers;
using PaymentFunctions.Ethereum.Transactions;

namespace PaymentFunctions.Ethereum.Tests.Transactions;

public sealed class LegacyTransactionTests
{
    // The example in EIP-155.
    private static readonly LegacyTransaction Eip155Example = new()
    {
        Nonce = 9,
        GasPrice = 20_000_000_000,
        GasLimit = 21000,
        To = Address.Parse("0x3535353535353535353535353535353535353535"),
        Value = BigInteger.Parse("1000000000000000000"),
        ChainId = 1,
    };

    private static readonly LocalKeySigner Eip155Key =
        LocalKeySigner.FromHex("0x4646464646464646464646464646464646464646464646464646464646464646");

    [Fact]
    public void Eip155_signing_payload_and_hash_match_the_eip()
    {
        Assert.Equal(
            "0xec098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080018080",
            Hex.Encode(Eip155Example.GetSigningPayload()));
        Assert.Equal(
            "0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53",
            Hex.Encode(Eip155Example.GetSigningHash()));
    }

    [Fact]
    public async Task Eip155_signed_transaction_matches_the_eip()
    {
        var signed = await Eip155Example.SignAsync(Eip155Key);

        Assert.Equal(
            BigInteger.Parse("18515461264373351373200002665853028612451056578545711640558177340181847433846"),
            signed.Signature.R);
        Assert.Equal(
            BigInteger.Parse("46948507304638947509940763649030358759909902576025900602547168820602576006531"),
            signed.Signature.S);
        Assert.Equal(37, Eip155Example.GetV(signed.Signature.RecoveryId));
        Assert.Equal(
            "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83",
            signed.RawHex);
        Assert.Equal(Eip155Key.Address, signed.RecoverSender());
    }

    [Fact]
    public void Decodes_the_eip155_raw_transaction()
    {
        var raw = Hex.Decode("0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83");
        var signed = SignedTransaction.Decode(raw);

        var tx = Assert.IsType<LegacyTransaction>(signed.Transaction);
        Assert.Equal(new BigInteger(1), tx.ChainId);
        Assert.Equal(new BigInteger(9), tx.Nonce);
        Assert.Equal(new BigInteger(20_000_000_000), tx.GasPrice);
        Assert.Equal(Eip155Example.To, tx.To);
        Assert.Equal(Eip155Example.Value, tx.Value);
        Assert.True(tx.Data.IsEmpty);
        Assert.Equal(Eip155Key.Address, signed.RecoverSender());
        Assert.Equal(Hex.Encode(Keccak256.Hash(raw)), signed.HashHex);
    }

    [Fact]
    public async Task Unprotected_transaction_uses_v_27_or_28_and_round_trips()
    {
        var tx = Eip155Example with { ChainId = null, Data = new byte[] { 1, 2, 3 } };
        var signed = await tx.SignAsync(Eip155Key);
        var decoded = SignedTransaction.Decode(signed.Raw.Span);

        Assert.InRange((int)tx.GetV(signed.Signature.RecoveryId), 27, 28);
        Assert.Null(((LegacyTransaction)decoded.Transaction).ChainId);
        Assert.Equal(new byte[] { 1, 2, 3 }, decoded.Transaction.Data.ToArray());
        Assert.Equal(Eip155Key.Address, decoded.RecoverSender());
    }

    [Fact]
    public async Task Contract_creation_has_no_recipient()
    {
        var tx = Eip155Example with { To = null, Data = new byte[] { 0x60, 0x00 } };
        var decoded = SignedTransaction.Decode((await tx.SignAsync(Eip155Key)).Raw.Span);
        Assert.Null(decoded.Transaction.To);
    }

    [Fact]
    public async Task Rejects_tampered_raw_bytes_by_recovering_another_sender()
    {
        var signed = await Eip155Example.SignAsync(Eip155Key);
        var raw = signed.Raw.ToArray();
        raw[1 + 1] ^= 0x01; // flip a bit in the nonce/gas price region
        try
        {
            var decoded = SignedTransaction.Decode(raw);
            Assert.NotEqual(Eip155Key.Address, decoded.RecoverSender());
        }
        catch (FormatException)
        {
            // Also acceptable: the change broke the encoding.
        }
    }

    [Fact]
    public void Rejects_high_s_signatures()
    {
        var signature = Secp256k1.Sign(Eip155Example.GetSigningHash(), Hex.Decode("0x4646464646464646464646464646464646464646464646464646464646464646"));
        var highS = signature with { S = Secp256k1.N - signature.S, RecoveryId = 1 - signature.RecoveryId };
        Assert.Throws<ArgumentException>(() => Eip155Example.WithSignature(highS));
    }
}
