using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace PaymentFunctions.Ethereum.Contracts.Messages;

/// <summary>ERC-20 <c>allowance(address owner, address spender) view returns (uint256)</c>.</summary>
[Function("allowance", "uint256")]
public sealed class AllowanceFunction : FunctionMessage
{
    /// <summary>The holder.</summary>
    [Parameter("address", "owner", 1)]
    public string Owner { get; set; } = string.Empty;

    /// <summary>Who may pull from the holder.</summary>
    [Parameter("address", "spender", 2)]
    public string Spender { get; set; } = string.Empty;
}
