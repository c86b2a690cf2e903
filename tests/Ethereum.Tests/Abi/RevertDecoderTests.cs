using System.Numerics;
using PaymentFunctions.Ethereum.Abi;
using PaymentFunctions.Ethereum.Addresses;

namespace PaymentFunctions.Ethereum.Tests.Abi;

public sealed class RevertDecoderTests
{
    [Fact]
    public void Decodes_error_string()
    {
        // revert("Not enough Ether provided.") as given in the Solidity documentation.
        var data = Hex.Decode(
            "0x08c379a0" +
            "0000000000000000000000000000000000000000000000000000000000000020" +
            "000000000000000000000000000000000000000000000000000000000000001a" +
            "4e6f7420656e6f7567682045746865722070726f76696465642e000000000000");

        var reason = RevertDecoder.Decode(data);

        Assert.Equal(RevertKind.Error, reason.Kind);
        Assert.Equal("Not enough Ether provided.", reason.Message);
        Assert.Equal("Error", reason.ErrorName);
    }

    [Fact]
    public void Decodes_panic_codes()
    {
        var data = AbiError.Panic.Encode(0x11);
        Assert.Equal("0x4e487b71", Hex.Encode(data.AsSpan(0, 4)));

        var reason = RevertDecoder.Decode(data);

        Assert.Equal(RevertKind.Panic, reason.Kind);
        Assert.Equal(new BigInteger(0x11), reason.PanicCode);
        Assert.Contains("overflow", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decodes_known_custom_errors()
    {
        var insufficient = AbiError.Parse("error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)");
        Assert.Equal("0xe450d38c", Hex.Encode(insufficient.Selector));
        var sender = Address.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");

        var reason = RevertDecoder.Decode(insufficient.Encode(sender, 5, 10), [AbiError.Parse("error Other()"), insufficient]);

        Assert.Equal(RevertKind.Custom, reason.Kind);
        Assert.Same(insufficient, reason.Error);
        Assert.Equal("ERC20InsufficientBalance", reason.ErrorName);
        Assert.Equal(sender, reason.Arguments[0]);
        Assert.Equal("ERC20InsufficientBalance(sender: 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266, balance: 5, needed: 10)", reason.Message);
    }

    [Fact]
    public void Unknown_and_empty_data_do_not_throw()
    {
        Assert.Equal(RevertKind.Empty, RevertDecoder.Decode([]).Kind);
        Assert.Equal(RevertKind.Unknown, RevertDecoder.Decode(Hex.Decode("0xdeadbeef")).Kind);
        // Right selector, broken payload.
        Assert.Equal(RevertKind.Unknown, RevertDecoder.Decode(Hex.Decode("0x08c379a0ff")).Kind);
    }
}
