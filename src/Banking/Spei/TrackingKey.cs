using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PaymentFunctions.Banking.Spei;

/// <summary>
/// A SPEI clave de rastreo: the sender's reference for one transfer, alphanumeric and at most 30 characters.
/// </summary>
/// <remarks>
/// Keys are derived, never random: the same payment, attempt and date always give the same key, so a retried
/// activity re-sends the same transfer instead of creating a second one, while a new attempt gets a new key.
/// </remarks>
public readonly record struct TrackingKey
{
    /// <summary>SPEI's limit on the length of a tracking key.</summary>
    public const int MaxLength = 30;

    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string DefaultPrefix = "PF";

    private readonly string? _value;

    private TrackingKey(string value) => _value = value;

    /// <summary>The key as sent to SPEI.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>
    /// Derives the key for an attempt of a payment on a date: <paramref name="prefix"/> followed by base32 of
    /// SHA-256 over the inputs, cut to <see cref="MaxLength"/>.
    /// </summary>
    /// <param name="paymentId">The payment (or payout) the transfer belongs to.</param>
    /// <param name="attempt">1 for the first try; each new attempt of the same payment gets a distinct key.</param>
    /// <param name="date">The operation date (SPEI requires uniqueness per sender per day).</param>
    /// <param name="prefix">Up to 8 uppercase letters or digits identifying the sender's system.</param>
    public static TrackingKey Derive(string paymentId, int attempt, DateOnly date, string prefix = DefaultPrefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(paymentId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(attempt);
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length > 8 || !prefix.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)))
        {
            throw new ArgumentException("Prefix must be at most 8 uppercase letters or digits.", nameof(prefix));
        }

        // Length-prefixing the id keeps ("a|1", 2) and ("a", "1|2")-style inputs from colliding.
        var material = string.Create(
            CultureInfo.InvariantCulture,
            $"{paymentId.Length}:{paymentId}|{attempt}|{date:yyyyMMdd}");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(material));
        var encoded = ToBase32(hash);
        return new TrackingKey(prefix + encoded[..(MaxLength - prefix.Length)]);
    }

    /// <summary>Accepts a key received from SPEI or Juno, checking only the SPEI format rules.</summary>
    public static TrackingKey Parse(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        if (value.Length > MaxLength || !value.All(char.IsAsciiLetterOrDigit))
        {
            throw new FormatException("A tracking key must be 1 to 30 letters or digits.");
        }

        return new TrackingKey(value);
    }

    /// <inheritdoc />
    public override string ToString() => Value;

    private static string ToBase32(ReadOnlySpan<byte> data)
    {
        var builder = new StringBuilder((data.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                builder.Append(Base32Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            builder.Append(Base32Alphabet[(buffer << (5 - bits)) & 31]);
        }

        return builder.ToString();
    }
}
