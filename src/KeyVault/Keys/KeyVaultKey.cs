namespace PaymentFunctions.KeyVault.Keys;

/// <summary>
/// A key bundle: the key's public JWK plus the attributes that decide whether it may be used.
/// </summary>
/// <param name="Name">The key name.</param>
/// <param name="Version">The key version this bundle describes.</param>
/// <param name="Key">The public JSON Web Key.</param>
/// <param name="Enabled">Whether the vault allows operations with the key.</param>
/// <param name="CreatedOn">When the version was created, if the vault said.</param>
/// <param name="UpdatedOn">When the version was last updated, if the vault said.</param>
public sealed record KeyVaultKey(
    string Name,
    string Version,
    JsonWebKey Key,
    bool Enabled,
    DateTimeOffset? CreatedOn,
    DateTimeOffset? UpdatedOn);
