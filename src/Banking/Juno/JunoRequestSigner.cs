using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PaymentFunctions.Banking.Juno;

/// <summary>
/// Signs Juno requests as documented: HMAC-SHA256 (hex) keyed by the API secret over
/// <c>nonce + method + path (with query) + body</c>, sent as <c>Authorization: Bitso key:nonce:signature</c>.
/// </summary>
/// <remarks>
/// Juno rejects a nonce that is not greater than the last one it saw for the key, and retries re-sign with a new
/// nonce, so nonces come from one thread-safe, strictly increasing counter seeded by the Unix time in milliseconds.
/// </remarks>
public sealed class JunoRequestSigner
{
    private const string Scheme = "Bitso";

    private readonly string _apiKey;
    private readonly byte[] _secret;
    private readonly TimeProvider _time;
    private long _lastNonce;

    /// <summary>Creates a signer for one set of credentials.</summary>
    public JunoRequestSigner(string apiKey, string apiSecret, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        ArgumentException.ThrowIfNullOrEmpty(apiSecret);
        if (apiKey.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException("The API key cannot contain ':'.", nameof(apiKey));
        }

        _apiKey = apiKey;
        _secret = Encoding.UTF8.GetBytes(apiSecret);
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Returns a nonce greater than every nonce returned before by this signer.</summary>
    public long NextNonce()
    {
        while (true)
        {
            var last = Interlocked.Read(ref _lastNonce);
            var next = Math.Max(last + 1, _time.GetUtcNow().ToUnixTimeMilliseconds());
            if (Interlocked.CompareExchange(ref _lastNonce, next, last) == last)
            {
                return next;
            }
        }
    }

    /// <summary>Builds the <c>Authorization</c> header value for a request, consuming a fresh nonce.</summary>
    /// <param name="method">HTTP method, upper case (e.g. <c>POST</c>).</param>
    /// <param name="pathAndQuery">The request path exactly as sent, including the query string.</param>
    /// <param name="body">The JSON body exactly as sent, or empty.</param>
    public string CreateAuthorizationHeader(string method, string pathAndQuery, string body)
    {
        var nonce = NextNonce();
        var signature = ComputeSignature(_secret, nonce, method, pathAndQuery, body);
        return string.Create(CultureInfo.InvariantCulture, $"{Scheme} {_apiKey}:{nonce}:{signature}");
    }

    /// <summary>The documented recipe: lower-case hex HMAC-SHA256 over the concatenation, keyed by the secret.</summary>
    public static string ComputeSignature(string apiSecret, long nonce, string method, string pathAndQuery, string body)
    {
        ArgumentNullException.ThrowIfNull(apiSecret);
        return ComputeSignature(Encoding.UTF8.GetBytes(apiSecret), nonce, method, pathAndQuery, body);
    }

    /// <summary>Splits an <c>Authorization</c> header into its key, nonce and signature (used by servers that verify).</summary>
    public static bool TryParseAuthorizationHeader(
        string? header,
        [NotNullWhen(true)] out string? apiKey,
        out long nonce,
        [NotNullWhen(true)] out string? signature)
    {
        apiKey = null;
        signature = null;
        nonce = 0;
        if (header is null || !header.StartsWith(Scheme + " ", StringComparison.Ordinal))
        {
            return false;
        }

        var parts = header[(Scheme.Length + 1)..].Split(':');
        if (parts.Length != 3 || parts[0].Length == 0 || parts[2].Length == 0
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out nonce))
        {
            return false;
        }

        apiKey = parts[0];
        signature = parts[2];
        return true;
    }

    private static string ComputeSignature(byte[] secret, long nonce, string method, string pathAndQuery, string body)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentException.ThrowIfNullOrEmpty(pathAndQuery);
        var message = string.Create(CultureInfo.InvariantCulture, $"{nonce}{method}{pathAndQuery}{body}");
        var mac = HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(message));
        return Convert.ToHexStringLower(mac);
    }
}
