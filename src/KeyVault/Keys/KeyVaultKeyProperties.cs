namespace PaymentFunctions.KeyVault.Keys;

/// <summary>
/// A key or key version as the list operations report it: identifier and attributes, never key material.
/// </summary>
/// <param name="Id">The key identifier; versionless when listing keys, versioned when listing a key's versions.</param>
/// <param name="Name">The key name.</param>
/// <param name="Version">The version, or null for a versionless identifier.</param>
/// <param name="Enabled">Whether the vault allows operations with the key.</param>
/// <param name="CreatedOn">When it was created, if the vault said.</param>
/// <param name="UpdatedOn">When it was last updated, if the vault said.</param>
/// <param name="Managed">True for keys whose lifetime a certificate manages.</param>
public sealed record KeyVaultKeyProperties(
    Uri Id,
    string Name,
    string? Version,
    bool Enabled,
    DateTimeOffset? CreatedOn,
    DateTimeOffset? UpdatedOn,
    bool Managed);
