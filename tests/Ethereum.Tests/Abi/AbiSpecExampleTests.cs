using System.Numerics;
using System.Text;
using PaymentFunctions.Ethereum.Abi;

namespace PaymentFunctions.Ethereum.Tests.Abi;

/// <summary>The worked examples of the Solidity ABI specification ("Examples" and "Use of Dynamic Types").</summary>
public sealed class AbiSpecExampleTests
{
    [Fact]
    public void Baz_uint32_bool()
    {
        var baz = AbiFunction.Parse("function baz(uint32 x, bool y) public pure returns (bool r)");
        Assert.Equal("baz(uint32,bool)", baz.Signature);
        Assert.Equal("0xcdcd77c0", baz.SelectorHex);
        AssertWords(
            baz.EncodeCall(69u, true),
            "cdcd77c0",
            "0000000000000000000000000000000000000000000000000000000000000045",
            "0000000000000000000000000000000000000000000000000000000000000001");
        Assert.Equal([false], baz.DecodeOutput(new byte[32]));
    }

    [Fact]
    public void Bar_bytes3_fixed_array()
    {
        var bar = AbiFunction.Parse("bar(bytes3[2])");
        // A lone array argument must be wrapped, or C# spreads it over the params array.
        var call = bar.EncodeCall([new[] { Encoding.ASCII.GetBytes("abc"), Encoding.ASCII.GetBytes("def") }]);
        AssertWords(
            call,
            "fce353f6",
            "6162630000000000000000000000000000000000000000000000000000000000",
            "6465660000000000000000000000000000000000000000000000000000000000");
        var decoded = (object?[])bar.DecodeCall(call)[0]!;
        Assert.Equal("def", Encoding.ASCII.GetString((byte[])decoded[1]!));
    }

    [Fact]
    public void Sam_bytes_bool_uint256_array()
    {
        var sam = AbiFunction.Parse("sam(bytes,bool,uint[])");
        Assert.Equal("sam(bytes,bool,uint256[])", sam.Signature);
        var call = sam.EncodeCall(Encoding.ASCII.GetBytes("dave"), true, new[] { 1, 2, 3 });
        AssertWords(
            call,
            "a5643bf2",
            "0000000000000000000000000000000000000000000000000000000000000060",
            "0000000000000000000000000000000000000000000000000000000000000001",
            "00000000000000000000000000000000000000000000000000000000000000a0",
            "0000000000000000000000000000000000000000000000000000000000000004",
            "6461766500000000000000000000000000000000000000000000000000000000",
            "0000000000000000000000000000000000000000000000000000000000000003",
            "0000000000000000000000000000000000000000000000000000000000000001",
            "0000000000000000000000000000000000000000000000000000000000000002",
            "0000000000000000000000000000000000000000000000000000000000000003");

        var args = sam.DecodeCall(call);
        Assert.Equal("dave", Encoding.ASCII.GetString((byte[])args[0]!));
        Assert.Equal(true, args[1]);
        Assert.Equal(new object[] { new BigInteger(1), new BigInteger(2), new BigInteger(3) }, (object?[])args[2]!);
    }

    [Fact]
    public void F_uint256_uint32_array_bytes10_bytes()
    {
        var f = AbiFunction.Parse("f(uint256,uint32[],bytes10,bytes)");
        var call = f.EncodeCall(0x123, new[] { 0x456, 0x789 }, Encoding.ASCII.GetBytes("1234567890"), Encoding.ASCII.GetBytes("Hello, world!"));
        AssertWords(
            call,
            "8be65246",
            "0000000000000000000000000000000000000000000000000000000000000123",
            "0000000000000000000000000000000000000000000000000000000000000080",
            "3132333435363738393000000000000000000000000000000000000000000000",
            "00000000000000000000000000000000000000000000000000000000000000e0",
            "0000000000000000000000000000000000000000000000000000000000000002",
            "0000000000000000000000000000000000000000000000000000000000000456",
            "0000000000000000000000000000000000000000000000000000000000000789",
            "000000000000000000000000000000000000000000000000000000000000000d",
            "48656c6c6f2c20776f726c642100000000000000000000000000000000000000");

        var args = f.DecodeCall(call);
        Assert.Equal(new BigInteger(0x123), args[0]);
        Assert.Equal("Hello, world!", Encoding.ASCII.GetString((byte[])args[3]!));
    }

    [Fact]
    public void G_nested_dynamic_arrays_and_strings()
    {
        var g = AbiFunction.Parse("g(uint256[][],string[])");
        var call = g.EncodeCall(new[] { new[] { 1, 2 }, new[] { 3 } }, new[] { "one", "two", "three" });
        AssertWords(
            call,
            "2289b18c",
            "0000000000000000000000000000000000000000000000000000000000000040",
            "0000000000000000000000000000000000000000000000000000000000000140",
            "0000000000000000000000000000000000000000000000000000000000000002",
            "0000000000000000000000000000000000000000000000000000000000000040",
            "00000000000000000000000000000000000000000000000000000000000000a0",
            "0000000000000000000000000000000000000000000000000000000000000002",
            "0000000000000000000000000000000000000000000000000000000000000001",
            "0000000000000000000000000000000000000000000000000000000000000002",
            "0000000000000000000000000000000000000000000000000000000000000001",
            "0000000000000000000000000000000000000000000000000000000000000003",
            "0000000000000000000000000000000000000000000000000000000000000003",
            "0000000000000000000000000000000000000000000000000000000000000060",
            "00000000000000000000000000000000000000000000000000000000000000a0",
            "00000000000000000000000000000000000000000000000000000000000000e0",
            "0000000000000000000000000000000000000000000000000000000000000003",
            "6f6e650000000000000000000000000000000000000000000000000000000000",
            "0000000000000000000000000000000000000000000000000000000000000003",
            "74776f0000000000000000000000000000000000000000000000000000000000",
            "0000000000000000000000000000000000000000000000000000000000000005",
            "7468726565000000000000000000000000000000000000000000000000000000");

        var args = g.DecodeCall(call);
        var strings = (object?[])args[1]!;
        Assert.Equal(new object[] { "one", "two", "three" }, strings);
        var nested = (object?[])args[0]!;
        Assert.Single((object?[])nested[1]!);
    }

    private static void AssertWords(byte[] actual, string selector, params string[] words) =>
        Assert.Equal("0x" + selector + string.Concat(words), Hex.Encode(actual));
}
