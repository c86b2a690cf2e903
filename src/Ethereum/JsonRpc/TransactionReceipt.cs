using System.Numerics;
using PaymentFunctions.Ethereum.Addresses;

namespace PaymentFunctions.Ethereum.JsonRpc;

/// <summary>The outcome of a mined transaction.</summary>
public sealed record TransactionReceipt
{
    /// <summary>The transaction hash.</summary>
    public required string TransactionHash { get; init; }

    /// <summary>The block that includes it.</summary>
    public required BigInteger BlockNumber { get; init; }

    /// <summary>The block hash.</summary>
    public required string BlockHash { get; init; }

    /// <summary>The index in the block.</summary>
    public BigInteger TransactionIndex { get; init; }

    /// <summary>The sender.</summary>
    public required Address From { get; init; }

    /// <summary>The recipient; null for deployments.</summary>
    public Address? To { get; init; }

    /// <summary>The deployed contract, for deployments.</summary>
    public Address? ContractAddress { get; init; }

    /// <summary>True when execution succeeded (status 1); false when it reverted.</summary>
    public required bool Succeeded { get; init; }

    /// <summary>Gas used by this transaction.</summary>
    public BigInteger GasUsed { get; init; }

    /// <summary>Gas used in the block up to and including this transaction.</summary>
    public BigInteger CumulativeGasUsed { get; init; }

    /// <summary>The price per gas actually paid.</summary>
    public BigInteger EffectiveGasPrice { get; init; }

    /// <summary>The EIP-2718 type.</summary>
    public int Type { get; init; }

    /// <summary>The logs emitted.</summary>
    public IReadOnlyList<LogEntry> Logs { get; init; } = [];
}
