using System.Collections;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using PaymentFunctions.Ethereum.Addresses;

namespace PaymentFunctions.Ethereum.Abi;

/// <summary>
/// Standard (non-packed) ABI encoding. Values are plain .NET objects: integers (any CLR integer or
/// <see cref="BigInteger"/>) for <c>uintN</c>/<c>intN</c>, <see cref="Addresses.Address"/> or its text for
/// <c>address</c>, <see cref="bool"/>, byte arrays (or <see cref="ReadOnlyMemory{T}"/>) for <c>bytes</c>/<c>bytesN</c>,
/// <see cref="string"/>, and any sequence (or <see cref="ITuple"/> for tuples) for arrays and tuples.
/// </summary>
public static class AbiEncoder
{
    /// <summary>Encodes values as the tuple of <paramref name="types"/> (function arguments, return data, event data).</summary>
    /// <exception cref="ArgumentException">A value does not fit its type.</exception>
    public static byte[] Encode(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(values);
        var buffer = new MemoryStream();
        WriteTuple(buffer, types, values, "argument");
        return buffer.ToArray();
    }

    /// <summary>Encodes one value of one type, as a one-element tuple would be encoded.</summary>
    public static byte[] Encode(AbiType type, object? value) => Encode([type], [value]);

    private static void WriteTuple(MemoryStream buffer, IReadOnlyList<AbiType> types, IReadOnlyList<object?> values, string path)
    {
        if (types.Count != values.Count)
        {
            throw new ArgumentException($"Expected {types.Count} values for {path} but got {values.Count}.");
        }

        var headSize = types.Sum(t => t.HeadSize);
        var head = new MemoryStream();
        var tail = new MemoryStream();
        for (var i = 0; i < types.Count; i++)
        {
            var elementPath = $"{path}[{i}]";
            if (types[i].IsDynamic)
            {
                head.Write(Word(new BigInteger(headSize + tail.Length)));
                WriteValue(tail, types[i], values[i], elementPath);
            }
            else
            {
                WriteValue(head, types[i], values[i], elementPath);
            }
        }

        head.Position = 0;
        head.CopyTo(buffer);
        tail.Position = 0;
        tail.CopyTo(buffer);
    }

    private static void WriteValue(MemoryStream buffer, AbiType type, object? value, string path)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.UInt:
            {
                var v = ToInteger(value, path);
                if (v.Sign < 0 || v.GetBitLength() > type.Size)
                {
                    throw new ArgumentException($"{path}: {v} does not fit in {type.CanonicalName}.");
                }

                buffer.Write(Word(v));
                break;
            }

            case AbiTypeKind.Int:
            {
                var v = ToInteger(value, path);
                var limit = BigInteger.One << (type.Size - 1);
                if (v < -limit || v >= limit)
                {
                    throw new ArgumentException($"{path}: {v} does not fit in {type.CanonicalName}.");
                }

                buffer.Write(Word(v.Sign < 0 ? (BigInteger.One << 256) + v : v));
                break;
            }

            case AbiTypeKind.Address:
                buffer.Write(LeftPad(ToAddress(value, path).Bytes));
                break;

            case AbiTypeKind.Bool:
                buffer.Write(Word(value is bool b ? (b ? 1 : 0) : throw Mismatch(path, type, value)));
                break;

            case AbiTypeKind.FixedBytes:
            {
                var bytes = ToBytes(value, path, type);
                if (bytes.Length != type.Size)
                {
                    throw new ArgumentException($"{path}: {type.CanonicalName} needs exactly {type.Size} bytes, got {bytes.Length}.");
                }

                buffer.Write(RightPad(bytes));
                break;
            }

            case AbiTypeKind.Bytes:
                WriteDynamicBytes(buffer, ToBytes(value, path, type));
                break;

            case AbiTypeKind.String:
                WriteDynamicBytes(buffer, Encoding.UTF8.GetBytes(value as string ?? throw Mismatch(path, type, value)));
                break;

            case AbiTypeKind.Array:
            {
                var items = ToList(value, path, type);
                if (type.ArrayLength is { } length)
                {
                    if (items.Count != length)
                    {
                        throw new ArgumentException($"{path}: {type.CanonicalName} needs {length} elements, got {items.Count}.");
                    }
                }
                else
                {
                    buffer.Write(Word(items.Count));
                }

                WriteTuple(buffer, Enumerable.Repeat(type.ElementType!, items.Count).ToArray(), items, path);
                break;
            }

            case AbiTypeKind.Tuple:
                WriteTuple(buffer, type.Components.Select(c => c.Type).ToArray(), ToList(value, path, type), path);
                break;

            default:
                throw new ArgumentOutOfRangeException(nameof(type));
        }
    }

    private static void WriteDynamicBytes(MemoryStream buffer, byte[] bytes)
    {
        buffer.Write(Word(bytes.Length));
        buffer.Write(bytes);
        var padding = (32 - (bytes.Length % 32)) % 32;
        buffer.Write(new byte[padding]);
    }

    internal static byte[] Word(BigInteger value) => Hex.ToBytes(value, 32);

    private static byte[] LeftPad(ReadOnlySpan<byte> bytes)
    {
        var word = new byte[32];
        bytes.CopyTo(word.AsSpan(32 - bytes.Length));
        return word;
    }

    private static byte[] RightPad(ReadOnlySpan<byte> bytes)
    {
        var word = new byte[32];
        bytes.CopyTo(word);
        return word;
    }

    private static BigInteger ToInteger(object? value, string path) => value switch
    {
        BigInteger v => v,
        int v => v,
        long v => v,
        uint v => v,
        ulong v => v,
        short v => v,
        ushort v => v,
        byte v => v,
        sbyte v => v,
        UInt128 v => v,
        Int128 v => v,
        _ => throw new ArgumentException($"{path}: expected an integer, got {Describe(value)}."),
    };

    private static Address ToAddress(object? value, string path) => value switch
    {
        Address a => a,
        string s when Address.TryParse(s, out var parsed) => parsed,
        _ => throw new ArgumentException($"{path}: expected an address, got {Describe(value)}."),
    };

    private static byte[] ToBytes(object? value, string path, AbiType type) => value switch
    {
        byte[] b => b,
        ReadOnlyMemory<byte> m => m.ToArray(),
        Memory<byte> m => m.ToArray(),
        _ => throw Mismatch(path, type, value),
    };

    private static List<object?> ToList(object? value, string path, AbiType type) => value switch
    {
        ITuple tuple when value is not IEnumerable => Enumerable.Range(0, tuple.Length).Select(i => tuple[i]).ToList(),
        IEnumerable sequence and not string and not byte[] => sequence.Cast<object?>().ToList(),
        _ => throw Mismatch(path, type, value),
    };

    private static ArgumentException Mismatch(string path, AbiType type, object? value) =>
        new($"{path}: {Describe(value)} cannot be encoded as {type.CanonicalName}.");

    private static string Describe(object? value) => value?.GetType().Name ?? "null";
}
