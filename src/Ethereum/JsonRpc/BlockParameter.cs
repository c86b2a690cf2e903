using System.Numerics;

namespace PaymentFunctions.Ethereum.JsonRpc;

/// <summary>
/// A block selector for JSON-RPC calls: a tag such as <c>latest</c> or a block number.
/// <c>default(BlockParameter)</c> means <c>latest</c>.
/// </summary>
public readonly record struct BlockParameter
{
    private readonly string? _tag;

    private BlockParameter(string? tag, BigInteger? number)
    {
        _tag = tag;
        Number = number;
    }

    /// <summary>The latest mined block (also the default).</summary>
    public static BlockParameter Latest => new("latest", null);

    /// <summary>The pending state: includes transactions waiting in the pool (use it for the next nonce).</summary>
    public static BlockParameter Pending => new("pending", null);

    /// <summary>The genesis block.</summary>
    public static BlockParameter Earliest => new("earliest", null);

    /// <summary>The latest safe head.</summary>
    public static BlockParameter Safe => new("safe", null);

    /// <summary>The latest finalized block.</summary>
    public static BlockParameter Finalized => new("finalized", null);

    /// <summary>The block number, when this selects a block by number.</summary>
    public BigInteger? Number { get; }

    /// <summary>Selects a block by number.</summary>
    public static BlockParameter FromNumber(BigInteger number) =>
        number.Sign >= 0 ? new BlockParameter(null, number) : throw new ArgumentOutOfRangeException(nameof(number));

    /// <summary>The JSON-RPC form: a tag or a hex quantity.</summary>
    public override string ToString() => Number is { } n ? Hex.EncodeQuantity(n) : _tag ?? "latest";
}
