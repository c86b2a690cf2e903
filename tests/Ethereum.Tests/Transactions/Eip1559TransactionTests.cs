using System.Numerics;
using PaymentFunctions.Ethereum.Addresses;
using PaymentFunctions.Ethereum.Rlp;
using PaymentFunctions.Ethereum.Signers;
using PaymentFunctions.Ethereum.Transactions;

namespace PaymentFunctions.Ethereum.Tests.Transactions;

public sealed class Eip1559TransactionTests
{
    private const string VectorKey = "0x8f2a55949038a9610f50fb23b5883af3b4ecb3c3bb792cbcefbd1542c692be63";

    // EIP-1559 signing vectors published by Besu and ethereumjs (tx/test/json/eip1559.json):
    // chain id 7822, to 0x…aaaa, no data; the expected raw bytes are the RLP-wrapped signed transaction.
    public static TheoryData<int, int, int, int, int, string> Vectors => new()
    {
        { 819, 43203529, 35552, 75853, 121212, "0xb87302f870821e8e8203338301284d8301d97c828ae094000000000000000000000000000000000000aaaa8402933bc980c080a0d067f2167008c59219652f91cbf8788dbca5f771f6e91e2b7657e85b78b472e0a01d305af9fe81fdba43f0dfcd400ed24dcace0a7e30d4e85701dcaaf484cd079e" },
        { 353, 61901619, 32593, 38850, 136295, "0xb87202f86f821e8e8201618297c283021467827f5194000000000000000000000000000000000000aaaa8403b08b3380c001a004205678f13fc1d7b10feea6513dfa76e24418b6e08097d95c6f93a3b64e536da01d45ad61bfece43862de2cce7d2575a8c1d08c26c87f3cb5f26d7b0be54a91b2" },
        { 985, 32531825, 68541, 66377, 136097, "0xb87402f871821e8e8203d983010349830213a183010bbd94000000000000000000000000000000000000aaaa8401f0657180c001a0e6d23c5ecc0f388a4d41a9523c3ad171e98083a61288c340b968dfe0903a6741a07319e8d54a4fd8f0c081d3ce093d869f9df598481991c8534bfd8f2c163884b4" },
        { 119, 65456115, 62341, 24721, 107729, "0xb87002f86d821e8e778260918301a4d182f38594000000000000000000000000000000000000aaaa8403e6c7f380c001a0e38e239770801eb995498c821e55ac9c19ae09184bb27b34be105e02fe3b7615a067c64ca6bd6d9107e85fd581ab2e70a14b637eb36505bb40861ef9d6e800cab6" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public async Task Signs_published_vectors(int nonce, int value, int gasLimit, int tip, int maxFee, string wrappedRaw)
    {
        var tx = new Eip1559Transaction
        {
            ChainId = 7822,
            Nonce = nonce,
            Value = value,
            GasLimit = gasLimit,
            MaxPriorityFeePerGas = tip,
            MaxFeePerGas = maxFee,
            To = Address.Parse("0x000000000000000000000000000000000000aaaa"),
        };

        var signed = await tx.SignAsync(LocalKeySigner.FromHex(VectorKey));

        var expectedRaw = RlpDecoder.Decode(Hex.Decode(wrappedRaw)).Bytes.ToArray();
        Assert.Equal(Hex.Encode(expectedRaw), signed.RawHex);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Decodes_published_vectors(int nonce, int value, int gasLimit, int tip, int maxFee, string wrappedRaw)
    {
        var raw = RlpDecoder.Decode(Hex.Decode(wrappedRaw)).Bytes;
        var decoded = SignedTransaction.Decode(raw);

        var tx = Assert.IsType<Eip1559Transaction>(decoded.Transaction);
        Assert.Equal(new BigInteger(7822), tx.ChainId);
        Assert.Equal(new BigInteger(nonce), tx.Nonce);
        Assert.Equal(new BigInteger(value), tx.Value);
        Assert.Equal(new BigInteger(gasLimit), tx.GasLimit);
        Assert.Equal(new BigInteger(tip), tx.MaxPriorityFeePerGas);
        Assert.Equal(new BigInteger(maxFee), tx.MaxFeePerGas);
        Assert.Equal(LocalKeySigner.FromHex(VectorKey).Address, decoded.RecoverSender());
    }

    [Fact]
    public async Task Round_trips_data_and_access_list()
    {
        var signer = LocalKeySigner.CreateRandom();
        var slot = new byte[32];
        slot[31] = 7;
        var tx = new Eip1559Transaction
        {
            ChainId = 31337,
            Nonce = 0,
            GasLimit = 100_000,
            MaxPriorityFeePerGas = 1_000_000_000,
            MaxFeePerGas = 30_000_000_000,
            To = Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"),
            Data = Hex.Decode("0xa9059cbb"),
            AccessList = [new AccessListEntry(Address.Parse("0xde709f2102306220921060314715629080e2fb77"), [slot])],
        };

        var signed = await tx.SignAsync(signer);
        var decoded = SignedTransaction.Decode(signed.Raw.Span);

        Assert.Equal(0x02, signed.Raw.Span[0]);
        Assert.Equal(signed.HashHex, decoded.HashHex);
        var decodedTx = Assert.IsType<Eip1559Transaction>(decoded.Transaction);
        Assert.Equal("0xa9059cbb", Hex.Encode(decodedTx.Data.Span));
        var entry = Assert.Single(decodedTx.AccessList);
        Assert.Equal(slot, Assert.Single(entry.StorageKeys));
        Assert.Equal(signer.Address, decoded.RecoverSender());
    }

    [Fact]
    public async Task Signing_is_deterministic_so_resends_are_byte_identical()
    {
        var signer = LocalKeySigner.CreateRandom();
        var tx = new Eip1559Transaction { ChainId = 1, Nonce = 5, GasLimit = 21000, MaxPriorityFeePerGas = 1, MaxFeePerGas = 2 };
        Assert.Equal((await tx.SignAsync(signer)).RawHex, (await tx.SignAsync(signer)).RawHex);
    }

    [Theory]
    [InlineData("0x01c0")]
    [InlineData("0x02c0")]
    [InlineData("0x")]
    public void Rejects_unsupported_or_malformed_raw_bytes(string hex)
    {
        Assert.ThrowsAny<FormatException>(() => SignedTransaction.Decode(Hex.Decode(hex)));
    }
}
