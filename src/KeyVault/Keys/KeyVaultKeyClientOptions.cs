using Azure.Core;

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
}
