namespace PaymentFunctions.KeyVault.Keys;

/// <summary>
/// Elliptic curve names as Key Vault spells them in JSON Web Keys.
/// </summary>
public static class KeyCurveName
{
    /// <summary>secp256k1, the curve Ethereum accounts use.</summary>
    public const string P256K = "P-256K";
}
