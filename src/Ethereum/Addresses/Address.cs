using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Nethereum.Util;

namespace PaymentFunctions.Ethereum.Addresses;

/// <summary>
/// A 20-byte Ethereum account address. Equality is by value; <see cref="ToString"/> gives the
/// EIP-55 checksummed form so addresses copied from logs or UIs keep their typo protection.
/// </summary>
[JsonConverter(typeof(AddressJsonConverter))]
[TypeConverter(typeof(AddressTypeConverter))]
public readonly record struct Address : ISpanParsable<Address>
{
    /// <summary>Length of an address in bytes.</summary>
    public const int Length = 20;

    private readonly byte[]? _bytes;

    /// <summary>Creates an address from exactly 20 bytes.</summary>
    public Address(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException("An address has 20 bytes.", nameof(bytes));
        }

        _bytes = bytes.ToArray();
    }

    /// <summary>The zero address (also the value of <c>default(Address)</c>).</summary>
    public static Address Zero => default;

    /// <summary>The 20 bytes of the address.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes ?? new byte[Length];

    /// <summary>True for the zero address.</summary>
    public bool IsZero => _bytes is null || _bytes.AsSpan().IndexOfAnyExcept((byte)0) < 0;

    /// <summary>Derives the address of a 64-byte uncompressed public key (x||y): the last 20 bytes of its Keccak-256.</summary>
    public static Address FromPublicKey(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length == 65 && publicKey[0] == 0x04)
        {
            publicKey = publicKey[1..];
        }

        if (publicKey.Length != 64)
        {
            throw new ArgumentException("A public key has 64 bytes (uncompressed x||y).", nameof(publicKey));
        }

        return new Address(Sha3Keccack.Current.CalculateHash(publicKey.ToArray()).AsSpan(12));
    }

    /// <summary>
    /// Parses "0x" + 40 hex digits. All-lower or all-upper input is accepted as is; mixed case must
    /// carry a valid EIP-55 checksum, since a mismatch means the text was altered.
    /// </summary>
    /// <exception cref="FormatException">The text is not a valid address.</exception>
    public static Address Parse(string text) =>
        TryParse(text, out var address, out var error) ? address : throw new FormatException(error);

    /// <summary>Tries to parse an address; see <see cref="Parse(string)"/>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Address address) =>
        TryParse(text, out address, out _);

    /// <summary>True when <paramref name="text"/> is a mixed-case address with a valid EIP-55 checksum.</summary>
    public static bool IsChecksumValid(string text) =>
        TryParse(text, out var address) && string.Equals(address.ToString(), text, StringComparison.Ordinal);

    /// <inheritdoc/>
    public static Address Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc/>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Address result) =>
        TryParse(s, out result);

    /// <inheritdoc/>
    public static Address Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s.ToString());

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Address result) =>
        TryParse(s.ToString(), out result);

    /// <summary>The address as a byte array copy.</summary>
    public byte[] ToArray() => Bytes.ToArray();

    /// <summary>The EIP-55 checksummed form, e.g. 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed.</summary>
    public override string ToString()
    {
        return AddressUtil.Current.ConvertToChecksumAddress(Hex.Encode(Bytes, prefix: false));
    }

    /// <summary>The all-lower-case hex form, for storage keys and JSON-RPC filters.</summary>
    public string ToLowerHex() => Hex.Encode(Bytes);

    /// <summary>A shortened form for logs, e.g. 0x5aAe…BeAed, which identifies without exposing the full address.</summary>
    public string ToMaskedString()
    {
        var full = ToString();
        return string.Concat(full.AsSpan(0, 6), "…", full.AsSpan(full.Length - 4));
    }

    /// <inheritdoc/>
    public bool Equals(Address other) => Bytes.SequenceEqual(other.Bytes);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Bytes);
        return hash.ToHashCode();
    }

    private static bool TryParse(string? text, out Address address, out string error)
    {
        address = default;
        if (text is null)
        {
            error = "An address is required.";
            return false;
        }

        if (text.Length != 42 || !text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            error = "An address is \"0x\" followed by 40 hex digits.";
            return false;
        }

        var digits = text.AsSpan(2);
        if (digits.ContainsAnyExcept("0123456789abcdefABCDEF"))
        {
            error = "An address is \"0x\" followed by 40 hex digits.";
            return false;
        }

        address = new Address(Convert.FromHexString(digits));
        var hasLower = digits.ContainsAny("abcdef");
        var hasUpper = digits.ContainsAny("ABCDEF");
        if (hasLower && hasUpper && !string.Equals(address.ToString()[2..], digits.ToString(), StringComparison.Ordinal))
        {
            address = default;
            error = "The address has an invalid EIP-55 checksum.";
            return false;
        }

        error = string.Empty;
        return true;
    }
}
