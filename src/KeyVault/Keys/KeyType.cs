namespace PaymentFunctions.KeyVault.Keys;

/// <summary>
/// JSON Web Key types (<c>kty</c>) relevant to signing keys.
/// </summary>
public static class KeyType
{
    /// <summary>Software-protected elliptic curve key.</summary>
    public const string Ec = "EC";

    /// <summary>HSM-protected elliptic curve key; what production vaults should hold.</summary>
    public const string EcHsm = "EC-HSM";

    /// <summary>Whether <paramref name="kty"/> names an elliptic curve key, software or HSM.</summary>
    public static bool IsEllipticCurve(string? kty) =>
        string.Equals(kty, Ec, StringComparison.Ordinal) || string.Equals(kty, EcHsm, StringComparison.Ordinal);
}
