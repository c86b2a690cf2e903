using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace PaymentFunctions.Ethereum.Contracts.Messages;

/// <summary>ERC-20 <c>approve(address spender, uint256 value) returns (bool)</c>.</summary>
[Function("approve", "bool")]
public sealed class ApproveFunction : FunctionMessage
{
    /// <summary>Who may pull the tokens (checksummed or lower-case hex).</summary>
    [Parameter("address", "spender", 1)]
    public string Spender { get; set; } = string.Empty;

    /// <summary>How much, in base units.</summary>
    [Parameter("uint256", "value", 2)]
    public BigInteger Value { get; set; }
}
