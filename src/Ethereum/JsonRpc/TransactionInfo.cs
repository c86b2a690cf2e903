using System.Numerics;
using PaymentFunctions.Ethereum.Addresses;

namespace PaymentFunctions.Ethereum.JsonRpc;

/// <summary>A transaction as returned by <c>eth_getTransactionByHash</c>.</summary>
public sealed record TransactionInfo
{
    /// <summary>The hash.</summary>
    public required string Hash { get; init; }

    /// <summary>The sender.</summary>
    public required Address From { get; init; }

    /// <summary>The recipient; null for deployments.</summary>
    public Address? To { get; init; }

    /// <summary>The sender's nonce.</summary>
    public required BigInteger Nonce { get; init; }

    /// <summary>Wei transferred.</summary>
    public BigInteger Value { get; init; }

    /// <summary>The gas limit.</summary>
    public BigInteger Gas { get; init; }

    /// <summary>The gas price (legacy) or the effective price once mined.</summary>
    public BigInteger? GasPrice { get; init; }

    /// <summary>EIP-1559 fee cap.</summary>
    public BigInteger? MaxFeePerGas { get; init; }

    /// <summary>EIP-1559 tip.</summary>
    public BigInteger? MaxPriorityFeePerGas { get; init; }

    /// <summary>Call data.</summary>
    public byte[] Input { get; init; } = [];

    /// <summary>The block number, or null while pending.</summary>
    public BigInteger? BlockNumber { get; init; }

    /// <summary>The block hash, or null while pending.</summary>
    public string? BlockHash { get; init; }

    /// <summary>The EIP-2718 type.</summary>
    public int Type { get; init; }

    /// <summary>The chain id, when the transaction commits to one.</summary>
    public BigInteger? ChainId { get; init; }

    /// <summary>True once included in a block.</summary>
    public bool IsMined => BlockNumber is not null;
}
