using PaymentFunctions.Ethereum.Addresses;

namespace PaymentFunctions.Ethereum.JsonRpc;

/// <summary>The filter of <c>eth_getLogs</c>.</summary>
public sealed record LogFilter
{
    /// <summary>First block (inclusive); the node's default is <c>latest</c>.</summary>
    public BlockParameter? FromBlock { get; init; }

    /// <summary>Last block (inclusive).</summary>
    public BlockParameter? ToBlock { get; init; }

    /// <summary>A single block by hash, instead of a range.</summary>
    public string? BlockHash { get; init; }

    /// <summary>Emitting contracts; empty for any.</summary>
    public IReadOnlyList<Address> Addresses { get; init; } = [];

    /// <summary>
    /// Topic positions: each entry is null (any value) or a list of accepted 32-byte values (OR);
    /// positions are ANDed. Position 0 is the event topic.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<byte[]>?> Topics { get; init; } = [];
}
