using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace PaymentFunctions.Ethereum.Contracts.Messages;

/// <summary>ERC-20 <c>transfer(address to, uint256 value) returns (bool)</c>.</summary>
[Function("transfer", "bool")]
public sealed class TransferFunction : FunctionMessage
{
    /// <summary>The recipient.</summary>
    [Parameter("address", "to", 1)]
    public string To { get; set; } = string.Empty;

    /// <summary>How much, in base units.</summary>
    [Parameter("uint256", "value", 2)]
    public BigInteger Value { get; set; }
}
