using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace PaymentFunctions.Ethereum.Contracts.Messages;

/// <summary>ERC-20 <c>Transfer(address indexed from, address indexed to, uint256 value)</c>.</summary>
[Event("Transfer")]
public sealed class TransferEventDto : IEventDTO
{
    /// <summary>The sender (zero for mints).</summary>
    [Parameter("address", "from", 1, true)]
    public string From { get; set; } = string.Empty;

    /// <summary>The recipient (zero for burns).</summary>
    [Parameter("address", "to", 2, true)]
    public string To { get; set; } = string.Empty;

    /// <summary>The amount in base units.</summary>
    [Parameter("uint256", "value", 3, false)]
    public BigInteger Value { get; set; }
}
