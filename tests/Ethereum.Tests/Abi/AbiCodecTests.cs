using System.Numerics;
using PaymentFunctions.Ethereum.Abi;
using PaymentFunctions.Ethereum.Addresses;

namespace PaymentFunctions.Ethereum.Tests.Abi;

public sealed class AbiCodecTests
{
    private static readonly Address Alice = Address.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");

    [Theory]
    [InlineData("uint", "uint256")]
    [InlineData("int", "int256")]
    [InlineData("uint8[]", "uint8[]")]
    [InlineData("bytes32[2][]", "bytes32[2][]")]
    [InlineData("(uint256 amount, address to)[]", "(uint256,address)[]")]
    [InlineData("tuple(bool,(string,bytes))", "(bool,(string,bytes))")]
    public void Parses_types_to_canonical_names(string text, string canonical)
    {
        Assert.Equal(canonical, AbiType.Parse(text).CanonicalName);
    }

    [Theory]
    [InlineData("uint7")]
    [InlineData("uint264")]
    [InlineData("bytes33")]
    [InlineData("bytes0")]
    [InlineData("fixed128x18")]
    [InlineData("uint256[x]")]
    [InlineData("(uint256")]
    public void Rejects_unsupported_types(string text)
    {
        Assert.Throws<FormatException>(() => AbiType.Parse(text));
    }

    [Fact]
    public void Transfer_selector_is_a9059cbb()
    {
        Assert.Equal("0xa9059cbb", AbiFunction.Parse("transfer(address,uint256)").SelectorHex);
    }

    [Fact]
    public void Encodes_negative_integers_in_twos_complement_and_back()
    {
        var types = new[] { AbiType.Int(8), AbiType.Int(256) };
        var encoded = AbiEncoder.Encode(types, [-1, BigInteger.MinusOne << 255]);
        Assert.Equal(new string('f', 64), Hex.Encode(encoded.AsSpan(0, 32), prefix: false));
        Assert.Equal(new object?[] { BigInteger.MinusOne, BigInteger.MinusOne << 255 }, AbiDecoder.Decode(types, encoded));
    }

    [Fact]
    public void Rejects_values_outside_the_type_range()
    {
        Assert.Throws<ArgumentException>(() => AbiEncoder.Encode(AbiType.UInt(8), 256));
        Assert.Throws<ArgumentException>(() => AbiEncoder.Encode(AbiType.UInt(256), -1));
        Assert.Throws<ArgumentException>(() => AbiEncoder.Encode(AbiType.Int(8), 128));
        Assert.Throws<ArgumentException>(() => AbiEncoder.Encode(AbiType.FixedBytes(4), new byte[3]));
        Assert.Throws<ArgumentException>(() => AbiEncoder.Encode(AbiType.Array(AbiType.Bool, 2), new[] { true }));
        Assert.Throws<ArgumentException>(() => AbiEncoder.Encode(AbiType.Address, 5));
    }

    [Fact]
    public void Round_trips_tuples_with_dynamic_members()
    {
        var type = AbiType.Parse("(address payer, uint256 amount, string memo, bytes32[] refs)[]");
        var reference = new byte[32];
        reference[0] = 0xab;
        var value = new object[]
        {
            new object[] { Alice, new BigInteger(1_000_000), "pago ñ", new[] { reference } },
            (Address.Zero, 5, string.Empty, Array.Empty<byte[]>()),
        };

        var encoded = AbiEncoder.Encode(type, value);
        var decoded = (object?[])AbiDecoder.Decode(type, encoded)!;

        var first = (object?[])decoded[0]!;
        Assert.Equal(Alice, first[0]);
        Assert.Equal(new BigInteger(1_000_000), first[1]);
        Assert.Equal("pago ñ", first[2]);
        Assert.Equal(reference, (byte[])((object?[])first[3]!)[0]!);
        var second = (object?[])decoded[1]!;
        Assert.Equal(Address.Zero, second[0]);
        Assert.Empty((object?[])second[3]!);
    }

    [Fact]
    public void Static_tuple_is_encoded_in_place()
    {
        var type = AbiType.Parse("(uint256,bool)");
        var encoded = AbiEncoder.Encode([type, AbiType.UInt256], [new object[] { 7, true }, 9]);
        Assert.Equal(96, encoded.Length);
        Assert.Equal(new BigInteger(9), AbiDecoder.Decode([type, AbiType.UInt256], encoded)[1]);
    }

    [Fact]
    public void Rejects_dirty_or_truncated_data()
    {
        var dirtyAddress = new byte[32];
        dirtyAddress[0] = 1;
        Assert.Throws<FormatException>(() => AbiDecoder.Decode(AbiType.Address, dirtyAddress));

        var two = new byte[32];
        two[31] = 2;
        Assert.Throws<FormatException>(() => AbiDecoder.Decode(AbiType.Bool, two));

        Assert.Throws<FormatException>(() => AbiDecoder.Decode(AbiType.UInt256, new byte[31]));

        var hugeLength = AbiEncoder.Encode(AbiType.UInt256, 0x20).Concat(Enumerable.Repeat((byte)0xff, 32)).ToArray();
        Assert.Throws<FormatException>(() => AbiDecoder.Decode(AbiType.Bytes, hugeLength));
        Assert.Throws<FormatException>(() => AbiDecoder.Decode(AbiType.Parse("uint256[]"), hugeLength));
    }

    [Fact]
    public void Decodes_uint8_out_of_range_as_error()
    {
        Assert.Throws<FormatException>(() => AbiDecoder.Decode(AbiType.UInt(8), AbiEncoder.Encode(AbiType.UInt256, 256)));
    }
}
