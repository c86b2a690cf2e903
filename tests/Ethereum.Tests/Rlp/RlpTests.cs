using System.Numerics;
using PaymentFunctions.Ethereum.Rlp;

namespace PaymentFunctions.Ethereum.Tests.Rlp;

public sealed class RlpTests
{
    // Examples from the Ethereum RLP specification (ethereum.org "Recursive-length prefix").
    [Theory]
    [InlineData("dog", "0x83646f67")]
    [InlineData("", "0x80")]
    [InlineData("Lorem ipsum dolor sit amet, consectetur adipisicing elit",
        "0xb8384c6f72656d20697073756d20646f6c6f722073697420616d65742c20636f6e7365637465747572206164697069736963696e6720656c6974")]
    public void Encodes_strings(string text, string expected)
    {
        var encoded = RlpItem.FromString(text).Encode();
        Assert.Equal(expected, Hex.Encode(encoded));
        Assert.Equal(text, System.Text.Encoding.UTF8.GetString(RlpDecoder.Decode(encoded).Bytes));
    }

    [Theory]
    [InlineData(0, "0x80")]
    [InlineData(15, "0x0f")]
    [InlineData(1024, "0x820400")]
    [InlineData(127, "0x7f")]
    [InlineData(128, "0x8180")]
    public void Encodes_integers(int value, string expected)
    {
        var encoded = RlpItem.FromInteger(value).Encode();
        Assert.Equal(expected, Hex.Encode(encoded));
        Assert.Equal(new BigInteger(value), RlpDecoder.Decode(encoded).ToInteger());
    }

    [Fact]
    public void Encodes_byte_zero_as_itself()
    {
        Assert.Equal("0x00", Hex.Encode(RlpItem.FromBytes([0x00]).Encode()));
    }

    [Fact]
    public void Encodes_lists()
    {
        Assert.Equal("0xc88363617483646f67", Hex.Encode(RlpItem.List(RlpItem.FromString("cat"), RlpItem.FromString("dog")).Encode()));
        Assert.Equal("0xc0", Hex.Encode(RlpItem.List().Encode()));
    }

    [Fact]
    public void Encodes_the_set_theoretical_representation_of_three()
    {
        // [ [], [[]], [ [], [[]] ] ]
        var empty = RlpItem.List();
        var three = RlpItem.List(empty, RlpItem.List(empty), RlpItem.List(empty, RlpItem.List(empty)));
        var encoded = three.Encode();
        Assert.Equal("0xc7c0c1c0c3c0c1c0", Hex.Encode(encoded));

        var decoded = RlpDecoder.Decode(encoded);
        Assert.Equal(3, decoded.Items.Count);
        Assert.Empty(decoded.Items[0].Items);
        Assert.Single(decoded.Items[1].Items);
        Assert.Equal(2, decoded.Items[2].Items.Count);
    }

    [Fact]
    public void Round_trips_a_list_longer_than_55_bytes()
    {
        var items = Enumerable.Range(0, 10).Select(i => RlpItem.FromString($"item-{i}")).ToArray();
        var encoded = RlpItem.List(items).Encode();
        Assert.Equal(0xf8, encoded[0]);
        var decoded = RlpDecoder.Decode(encoded);
        Assert.Equal(10, decoded.Items.Count);
        Assert.Equal("item-9", System.Text.Encoding.UTF8.GetString(decoded.Items[9].Bytes));
    }

    [Theory]
    [InlineData("0x8105")] // single low byte wrapped in a prefix
    [InlineData("0xb80100")] // long form for a short string
    [InlineData("0x83646f")] // truncated
    [InlineData("0x83646f6700")] // trailing byte
    [InlineData("0xb9000100")] // length with a leading zero
    [InlineData("")]
    public void Rejects_non_canonical_or_truncated_input(string hex)
    {
        Assert.Throws<RlpException>(() => RlpDecoder.Decode(Hex.Decode(hex)));
    }

    [Fact]
    public void Rejects_integers_with_leading_zeros()
    {
        var item = RlpDecoder.Decode(Hex.Decode("0x820001"));
        Assert.Throws<RlpException>(() => item.ToInteger());
    }
}
