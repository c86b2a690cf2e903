using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace PaymentFunctions.Ethereum.Contracts.Messages;

/// <summary>ERC-20 <c>balanceOf(address account) view returns (uint256)</c>.</summary>
[Function("balanceOf", "uint256")]
public sealed class BalanceOfFunction : FunctionMessage
{
    /// <summary>The holder.</summary>
    [Parameter("address", "account", 1)]
    public string Account { get; set; } = string.Empty;
}
