using System.Globalization;
using System.Numerics;

namespace PaymentFunctions.Ethereum;

/// <summary>
/// Hexadecimal helpers in the forms Ethereum uses: "0x"-prefixed byte strings and
/// JSON-RPC quantities (no leading zeros, "0x0" for zero).
/// </summary>
public static class Hex
{
    /// <summary>Encodes bytes as lower-case hex, with a "0x" prefix unless <paramref name="prefix"/> is false.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes, bool prefix = true)
    {
        var hex = Convert.ToHexStringLower(bytes);
        return prefix ? "0x" + hex : hex;
    }

    /// <summary>Decodes hex with or without a "0x" prefix; an odd length is padded with a leading zero.</summary>
    /// <exception cref="FormatException">The text is not hexadecimal.</exception>
    public static byte[] Decode(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var span = hex.AsSpan();
        if (span.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            span = span[2..];
        }

        if (span.Length % 2 == 1)
        {
            return Convert.FromHexString("0" + span.ToString());
        }

        return Convert.FromHexString(span);
    }

    /// <summary>Tries to decode hex with or without a "0x" prefix.</summary>
    public static bool TryDecode(string? hex, out byte[] bytes)
    {
        bytes = [];
        if (hex is null)
        {
            return false;
        }

        try
        {
            bytes = Decode(hex);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Encodes a non-negative integer as a JSON-RPC quantity ("0x0", "0x1f").</summary>
    public static string EncodeQuantity(BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "Quantities are never negative.");
        }

        if (value.IsZero)
        {
            return "0x0";
        }

        return "0x" + Convert.ToHexStringLower(value.ToByteArray(isUnsigned: true, isBigEndian: true)).TrimStart('0');
    }

    /// <summary>Decodes a JSON-RPC quantity; tolerates leading zeros that some nodes send.</summary>
    /// <exception cref="FormatException">The text is not a hex quantity.</exception>
    public static BigInteger DecodeQuantity(string quantity)
    {
        ArgumentNullException.ThrowIfNull(quantity);
        if (!quantity.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || quantity.Length < 3)
        {
            throw new FormatException($"'{quantity}' is not a hex quantity.");
        }

        return BigInteger.Parse("0" + quantity[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }

    /// <summary>Reads big-endian bytes as an unsigned integer.</summary>
    public static BigInteger ToBigInteger(ReadOnlySpan<byte> bigEndian) =>
        new(bigEndian, isUnsigned: true, isBigEndian: true);

    /// <summary>Writes a non-negative integer as big-endian bytes left-padded to <paramref name="length"/>.</summary>
    public static byte[] ToBytes(BigInteger value, int length)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "Value must not be negative.");
        }

        var raw = value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
        if (raw.Length > length)
        {
            throw new ArgumentOutOfRangeException(nameof(value), $"Value does not fit in {length} bytes.");
        }

        var result = new byte[length];
        raw.CopyTo(result, length - raw.Length);
        return result;
    }

    /// <summary>Writes a non-negative integer as minimal big-endian bytes (empty for zero).</summary>
    public static byte[] ToMinimalBytes(BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "Value must not be negative.");
        }

        return value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
    }
}
