using System.Numerics;
using PaymentFunctions.Ethereum.Addresses;

namespace PaymentFunctions.Ethereum.JsonRpc;

/// <summary>An event log as returned in receipts and by <c>eth_getLogs</c>.</summary>
/// <param name="Address">The emitting contract.</param>
/// <param name="Topics">32-byte topics; topic 0 identifies the event unless it is anonymous.</param>
/// <param name="Data">The non-indexed values, ABI-encoded.</param>
public sealed record LogEntry(Address Address, IReadOnlyList<byte[]> Topics, byte[] Data)
{
    /// <summary>The block number (null while pending).</summary>
    public BigInteger? BlockNumber { get; init; }

    /// <summary>The block hash.</summary>
    public string? BlockHash { get; init; }

    /// <summary>The transaction hash.</summary>
    public string? TransactionHash { get; init; }

    /// <summary>The transaction index in the block.</summary>
    public BigInteger? TransactionIndex { get; init; }

    /// <summary>The log index in the block.</summary>
    public BigInteger? LogIndex { get; init; }

    /// <summary>True when a reorganization removed the log.</summary>
    public bool Removed { get; init; }
}
