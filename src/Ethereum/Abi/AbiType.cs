using System.Globalization;

namespace PaymentFunctions.Ethereum.Abi;

/// <summary>
/// A Solidity ABI type such as <c>uint256</c>, <c>bytes32</c>, <c>address[]</c> or <c>(uint256,string)[2]</c>.
/// Parsed once and reused; <see cref="CanonicalName"/> is the form that goes into selectors and topics.
/// </summary>
public sealed class AbiType : IEquatable<AbiType>
{
    private AbiType(AbiTypeKind kind, int size, AbiType? element, int? length, IReadOnlyList<AbiParameter> components)
    {
        Kind = kind;
        Size = size;
        ElementType = element;
        ArrayLength = length;
        Components = components;
        CanonicalName = kind switch
        {
            AbiTypeKind.UInt => "uint" + size.ToString(CultureInfo.InvariantCulture),
            AbiTypeKind.Int => "int" + size.ToString(CultureInfo.InvariantCulture),
            AbiTypeKind.Address => "address",
            AbiTypeKind.Bool => "bool",
            AbiTypeKind.FixedBytes => "bytes" + size.ToString(CultureInfo.InvariantCulture),
            AbiTypeKind.Bytes => "bytes",
            AbiTypeKind.String => "string",
            AbiTypeKind.Array => element!.CanonicalName + "[" + (length?.ToString(CultureInfo.InvariantCulture) ?? string.Empty) + "]",
            AbiTypeKind.Tuple => "(" + string.Join(',', components.Select(c => c.Type.CanonicalName)) + ")",
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        IsDynamic = kind switch
        {
            AbiTypeKind.Bytes or AbiTypeKind.String => true,
            AbiTypeKind.Array => length is null || element!.IsDynamic,
            AbiTypeKind.Tuple => components.Any(c => c.Type.IsDynamic),
            _ => false,
        };
        HeadSize = IsDynamic ? 32 : kind switch
        {
            AbiTypeKind.Array => length!.Value * element!.HeadSize,
            AbiTypeKind.Tuple => components.Sum(c => c.Type.HeadSize),
            _ => 32,
        };
    }

    /// <summary><c>uint256</c>.</summary>
    public static AbiType UInt256 { get; } = UInt(256);

    /// <summary><c>address</c>.</summary>
    public static AbiType Address { get; } = new(AbiTypeKind.Address, 160, null, null, []);

    /// <summary><c>bool</c>.</summary>
    public static AbiType Bool { get; } = new(AbiTypeKind.Bool, 8, null, null, []);

    /// <summary><c>bytes</c>.</summary>
    public static AbiType Bytes { get; } = new(AbiTypeKind.Bytes, 0, null, null, []);

    /// <summary><c>string</c>.</summary>
    public static AbiType String { get; } = new(AbiTypeKind.String, 0, null, null, []);

    /// <summary>The kind of type.</summary>
    public AbiTypeKind Kind { get; }

    /// <summary>Bits for <c>uintN</c>/<c>intN</c>; bytes for <c>bytesN</c>; otherwise 0 (160 for address, 8 for bool).</summary>
    public int Size { get; }

    /// <summary>The element type of an array.</summary>
    public AbiType? ElementType { get; }

    /// <summary>The length of a fixed-size array, or null for a dynamic array.</summary>
    public int? ArrayLength { get; }

    /// <summary>The components of a tuple.</summary>
    public IReadOnlyList<AbiParameter> Components { get; }

    /// <summary>The canonical name used in signatures (<c>uint</c> becomes <c>uint256</c>, tuples become <c>(…)</c>).</summary>
    public string CanonicalName { get; }

    /// <summary>True when the value is stored out of line behind an offset.</summary>
    public bool IsDynamic { get; }

    /// <summary>Bytes the value takes in the head of an enclosing tuple.</summary>
    internal int HeadSize { get; }

    /// <summary><c>uintN</c>.</summary>
    public static AbiType UInt(int bits) => new(AbiTypeKind.UInt, CheckBits(bits), null, null, []);

    /// <summary><c>intN</c>.</summary>
    public static AbiType Int(int bits) => new(AbiTypeKind.Int, CheckBits(bits), null, null, []);

    /// <summary><c>bytesN</c>.</summary>
    public static AbiType FixedBytes(int size) =>
        size is >= 1 and <= 32
            ? new(AbiTypeKind.FixedBytes, size, null, null, [])
            : throw new ArgumentOutOfRangeException(nameof(size), "bytesN needs 1 <= N <= 32.");

    /// <summary><c>T[]</c> or, with a length, <c>T[k]</c>.</summary>
    public static AbiType Array(AbiType element, int? length = null)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (length is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length));
        }

        return new(AbiTypeKind.Array, 0, element, length, []);
    }

    /// <summary>A tuple of the given components.</summary>
    public static AbiType Tuple(params IEnumerable<AbiParameter> components) =>
        new(AbiTypeKind.Tuple, 0, null, null, components.ToArray());

    /// <summary>A tuple of unnamed components.</summary>
    public static AbiType Tuple(params IEnumerable<AbiType> components) =>
        Tuple(components.Select(t => new AbiParameter(t)));

    /// <summary>Parses a type such as <c>uint</c>, <c>bytes32[]</c> or <c>(address,uint256 amount)[2]</c>.</summary>
    /// <exception cref="FormatException">The text is not a supported ABI type.</exception>
    public static AbiType Parse(string text) => AbiSignatureParser.ParseType(text);

    /// <inheritdoc/>
    public bool Equals(AbiType? other) => other is not null && CanonicalName == other.CanonicalName;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as AbiType);

    /// <inheritdoc/>
    public override int GetHashCode() => CanonicalName.GetHashCode(StringComparison.Ordinal);

    /// <inheritdoc/>
    public override string ToString() => CanonicalName;

    private static int CheckBits(int bits) =>
        bits is > 0 and <= 256 && bits % 8 == 0
            ? bits
            : throw new ArgumentOutOfRangeException(nameof(bits), "Integer types need 0 < N <= 256 and N % 8 == 0.");
}
