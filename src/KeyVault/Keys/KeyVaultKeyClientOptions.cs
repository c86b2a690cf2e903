using System.Net.Http;
using System.Security.Cryptography;
using Azure.Core;
using Azure.Core.Pipeline;

namespace PaymentFunctions.KeyVault.Keys;

/// <summary>
/// Options for <see cref="KeyVaultKeyClient"/>: the usual Azure.Core retry, diagnostics and transport settings,
/// plus the REST API version, which is pinned so JSON shapes do not drift under us.
/// </summary>
public sealed class KeyVaultKeyClientOptions : ClientOptions
{
    /// <summary>The Key Vault REST API version the client was written against.</summary>
    public const string DefaultApiVersion = "7.4";

    /// <summary>The <c>api-version</c> query value sent with every request.</summary>
    public string ApiVersion { get; set; } = DefaultApiVersion;

    /// <summary>
    /// Trusts exactly one server certificate, identified by its SHA-256 thumbprint, instead of the machine's
    /// certificate authorities. Meant for the local Key Vault emulator's throwaway self-signed certificate, so
    /// bearer tokens still only travel over TLS; a real vault never needs it.
    /// </summary>
    /// <param name="sha256Thumbprint">The certificate's SHA-256 hash as hex.</param>
    /// <returns>These options, for chaining.</returns>
    public KeyVaultKeyClientOptions PinServerCertificate(string sha256Thumbprint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sha256Thumbprint);
        string pinned = sha256Thumbprint.Replace(":", string.Empty, StringComparison.Ordinal);
#pragma warning disable CA2000 // The transport owns the handler for the options' lifetime.
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
                certificate is not null && string.Equals(certificate.GetCertHashString(HashAlgorithmName.SHA256), pinned, StringComparison.OrdinalIgnoreCase),
        };
#pragma warning restore CA2000
        Transport = new HttpClientTransport(handler);
        return this;
    }
}
