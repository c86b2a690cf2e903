using System.Security.Cryptography;

namespace PaymentFunctions.Payments.Domain;

/// <summary>
/// Payment ids: <c>pay_</c> followed by 26 lower-case Crockford base32 characters, ULID style (48-bit millisecond
/// time, then 80 random bits). Time first makes ids roughly sortable by creation and keeps index inserts local;
/// the random part makes them unguessable.
/// </summary>
public static class PaymentId
{
    /// <summary>The prefix every payment id starts with.</summary>
    public const string Prefix = "pay_";

    /// <summary>Length of a whole id, prefix included.</summary>
    public const int Length = 30;

    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    /// <summary>A new id for the current time (or <paramref name="time"/>'s).</summary>
    public static string New(TimeProvider? time = null)
    {
        var milliseconds = (time ?? TimeProvider.System).GetUtcNow().ToUnixTimeMilliseconds();
        Span<char> chars = stackalloc char[Length];
        Prefix.AsSpan().CopyTo(chars);

        // 10 characters of time (50 bits, the top two always zero for centuries to come).
        for (var i = 13; i >= 4; i--)
        {
            chars[i] = Alphabet[(int)(milliseconds & 31)];
            milliseconds >>= 5;
        }

        // 16 characters of randomness: 80 bits, one byte per character keeps it simple (5 bits used).
        Span<byte> random = stackalloc byte[16];
        RandomNumberGenerator.Fill(random);
        for (var i = 0; i < 16; i++)
        {
            chars[14 + i] = Alphabet[random[i] & 31];
        }

        return new string(chars);
    }

    /// <summary>True when <paramref name="value"/> has the shape of a payment id; use it to reject bad input early.</summary>
    public static bool IsValid(string? value)
    {
        if (value is null || value.Length != Length || !value.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in value.AsSpan(Prefix.Length))
        {
            if (!Alphabet.Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
