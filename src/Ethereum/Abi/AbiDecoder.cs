using System.Numerics;
using System.Text;
using PaymentFunctions.Ethereum.Addresses;

namespace PaymentFunctions.Ethereum.Abi;

/// <summary>
/// Strict ABI decoding: offsets and lengths are bounds-checked and values that do not fit their type
/// (dirty address or bool bits, out-of-range integers) are rejected rather than silently truncated.
/// Results are <see cref="BigInteger"/>, <see cref="Address"/>, <see cref="bool"/>, <c>byte[]</c>,
/// <see cref="string"/>, and <c>object?[]</c> for arrays and tuples.
/// </summary>
public static class AbiDecoder
{
    /// <summary>Decodes the tuple of <paramref name="types"/> from <paramref name="data"/>.</summary>
    /// <exception cref="FormatException">The data does not hold values of these types.</exception>
    public static object?[] Decode(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(types);
        return ReadTuple(data, 0, types);
    }

    /// <summary>Decodes a single value of <paramref name="type"/>.</summary>
    public static object? Decode(AbiType type, ReadOnlySpan<byte> data) => Decode([type], data)[0];

    private static object?[] ReadTuple(ReadOnlySpan<byte> data, int start, IReadOnlyList<AbiType> types)
    {
        var values = new object?[types.Count];
        var position = start;
        for (var i = 0; i < types.Count; i++)
        {
            var type = types[i];
            if (type.IsDynamic)
            {
                var offset = ReadLength(data, position, "offset");
                var target = start + offset;
                if (target > data.Length)
                {
                    throw new FormatException($"Offset {offset} points past the end of the data.");
                }

                values[i] = ReadValue(data, target, type);
            }
            else
            {
                values[i] = ReadValue(data, position, type);
            }

            position += type.HeadSize;
        }

        return values;
    }

    private static object? ReadValue(ReadOnlySpan<byte> data, int position, AbiType type)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.UInt:
            {
                var v = Hex.ToBigInteger(Word(data, position));
                if (v.GetBitLength() > type.Size)
                {
                    throw new FormatException($"Value does not fit in {type.CanonicalName}.");
                }

                return v;
            }

            case AbiTypeKind.Int:
            {
                var v = new BigInteger(Word(data, position), isUnsigned: false, isBigEndian: true);
                var limit = BigInteger.One << (type.Size - 1);
                if (v < -limit || v >= limit)
                {
                    throw new FormatException($"Value does not fit in {type.CanonicalName}.");
                }

                return v;
            }

            case AbiTypeKind.Address:
            {
                var word = Word(data, position);
                if (word[..12].ContainsAnyExcept((byte)0))
                {
                    throw new FormatException("An address word has non-zero upper bytes.");
                }

                return new Address(word[12..]);
            }

            case AbiTypeKind.Bool:
            {
                var v = Hex.ToBigInteger(Word(data, position));
                return v.IsZero ? false : v.IsOne ? true : throw new FormatException("A bool word must be 0 or 1.");
            }

            case AbiTypeKind.FixedBytes:
            {
                var word = Word(data, position);
                if (word[type.Size..].ContainsAnyExcept((byte)0))
                {
                    throw new FormatException($"{type.CanonicalName} has non-zero padding.");
                }

                return word[..type.Size].ToArray();
            }

            case AbiTypeKind.Bytes:
                return ReadDynamicBytes(data, position);

            case AbiTypeKind.String:
                return Encoding.UTF8.GetString(ReadDynamicBytes(data, position));

            case AbiTypeKind.Array:
            {
                int count;
                var start = position;
                if (type.ArrayLength is { } length)
                {
                    count = length;
                }
                else
                {
                    count = ReadLength(data, position, "array length");
                    start = position + 32;
                }

                // Each element takes at least one word in the head: a cheap guard against huge bogus lengths.
                if ((long)count * type.ElementType!.HeadSize > data.Length - start)
                {
                    throw new FormatException($"Array of {count} elements runs past the end of the data.");
                }

                return ReadTuple(data, start, Enumerable.Repeat(type.ElementType!, count).ToArray());
            }

            case AbiTypeKind.Tuple:
                return ReadTuple(data, position, type.Components.Select(c => c.Type).ToArray());

            default:
                throw new ArgumentOutOfRangeException(nameof(type));
        }
    }

    private static byte[] ReadDynamicBytes(ReadOnlySpan<byte> data, int position)
    {
        var length = ReadLength(data, position, "byte length");
        var start = position + 32;
        if (length > data.Length - start)
        {
            throw new FormatException($"Byte string of {length} bytes runs past the end of the data.");
        }

        return data.Slice(start, length).ToArray();
    }

    private static int ReadLength(ReadOnlySpan<byte> data, int position, string what)
    {
        var v = Hex.ToBigInteger(Word(data, position));
        if (v > int.MaxValue)
        {
            throw new FormatException($"The {what} {v} is too large.");
        }

        return (int)v;
    }

    private static ReadOnlySpan<byte> Word(ReadOnlySpan<byte> data, int position)
    {
        if (position < 0 || position > data.Length - 32)
        {
            throw new FormatException($"Expected a 32-byte word at {position}, but the data has {data.Length} bytes.");
        }

        return data.Slice(position, 32);
    }
}
