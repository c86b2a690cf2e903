namespace PaymentFunctions.KeyVault.Keys;

/// <summary>
/// Key Vault signature algorithm names (<c>alg</c>).
/// </summary>
public static class SignatureAlgorithm
{
    /// <summary>ECDSA over secp256k1 with a caller-computed 32-byte digest; the result is r‖s (64 bytes).</summary>
    public const string ES256K = "ES256K";
}
