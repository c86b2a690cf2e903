using System.Numerics;
using System.Text;
using PaymentFunctions.Ethereum.Addresses;

namespace PaymentFunctions.Ethereum.Rlp;

/// <summary>
/// One RLP item: either a byte string or a list of items. Transactions are built as item trees and
/// encoded once, and decoded raw transactions come back as the same trees.
/// </summary>
public sealed class RlpItem
{
    private readonly byte[] _bytes;
    private readonly RlpItem[] _items;

    private RlpItem(byte[] bytes, RlpItem[] items, bool isList)
    {
        _bytes = bytes;
        _items = items;
        IsList = isList;
    }

    /// <summary>The empty byte string (also the encoding of integer zero).</summary>
    public static RlpItem Empty { get; } = new([], [], isList: false);

    /// <summary>True for a list, false for a byte string.</summary>
    public bool IsList { get; }

    /// <summary>The bytes of a string item.</summary>
    /// <exception cref="InvalidOperationException">The item is a list.</exception>
    public ReadOnlySpan<byte> Bytes => IsList ? throw new InvalidOperationException("The RLP item is a list, not a byte string.") : _bytes;

    /// <summary>The children of a list item.</summary>
    /// <exception cref="InvalidOperationException">The item is a byte string.</exception>
    public IReadOnlyList<RlpItem> Items => IsList ? _items : throw new InvalidOperationException("The RLP item is a byte string, not a list.");

    /// <summary>A byte-string item (the bytes are copied).</summary>
    public static RlpItem FromBytes(ReadOnlySpan<byte> bytes) => bytes.IsEmpty ? Empty : new(bytes.ToArray(), [], isList: false);

    /// <summary>A byte-string item with the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static RlpItem FromString(string text) => FromBytes(Encoding.UTF8.GetBytes(text));

    /// <summary>A non-negative integer as its minimal big-endian bytes (zero is the empty string).</summary>
    public static RlpItem FromInteger(BigInteger value) => FromBytes(Hex.ToMinimalBytes(value));

    /// <summary>An address as 20 bytes.</summary>
    public static RlpItem FromAddress(Address address) => FromBytes(address.Bytes);

    /// <summary>An optional address: the empty string stands for contract creation.</summary>
    public static RlpItem FromAddress(Address? address) => address is { } a ? FromAddress(a) : Empty;

    /// <summary>A list item.</summary>
    public static RlpItem List(params IEnumerable<RlpItem> items) => new([], items.ToArray(), isList: true);

    /// <summary>The encoding of this item.</summary>
    public byte[] Encode() => RlpEncoder.Encode(this);

    /// <summary>Reads a canonical integer: no leading zero bytes, at most 32 bytes.</summary>
    /// <exception cref="RlpException">The bytes are not a canonical integer.</exception>
    public BigInteger ToInteger()
    {
        var bytes = Bytes;
        if (bytes.Length > 32)
        {
            throw new RlpException("An RLP integer has at most 32 bytes.");
        }

        if (bytes.Length > 0 && bytes[0] == 0)
        {
            throw new RlpException("An RLP integer must not have leading zero bytes.");
        }

        return Hex.ToBigInteger(bytes);
    }

    /// <summary>Reads a 20-byte address, or null for the empty string (contract creation).</summary>
    /// <exception cref="RlpException">The bytes are neither empty nor 20 long.</exception>
    public Address? ToOptionalAddress()
    {
        var bytes = Bytes;
        return bytes.Length switch
        {
            0 => null,
            Address.Length => new Address(bytes),
            _ => throw new RlpException("An address has 20 bytes."),
        };
    }

    /// <summary>Shows the item as hex strings and brackets, for diagnostics.</summary>
    public override string ToString() =>
        IsList ? "[" + string.Join(", ", _items.Select(i => i.ToString())) + "]" : Hex.Encode(_bytes);
}
