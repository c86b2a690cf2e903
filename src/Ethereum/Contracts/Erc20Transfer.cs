using System.Numerics;
using PaymentFunctions.Ethereum.Addresses;

namespace PaymentFunctions.Ethereum.Contracts;

/// <summary>A decoded ERC-20 <c>Transfer</c> event.</summary>
/// <param name="Token">The token contract that emitted it.</param>
/// <param name="From">The sender (zero for mints).</param>
/// <param name="To">The recipient (zero for burns).</param>
/// <param name="Value">The amount in base units.</param>
public sealed record Erc20Transfer(Address Token, Address From, Address To, BigInteger Value)
{
    /// <summary>The transaction that emitted it.</summary>
    public string? TransactionHash { get; init; }

    /// <summary>The block number.</summary>
    public BigInteger? BlockNumber { get; init; }

    /// <summary>The log index within the block.</summary>
    public BigInteger? LogIndex { get; init; }
}
