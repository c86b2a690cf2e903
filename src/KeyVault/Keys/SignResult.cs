namespace PaymentFunctions.KeyVault.Keys;

/// <summary>
/// The outcome of a vault sign operation.
/// </summary>
/// <param name="KeyId">The identifier of the exact key version that signed.</param>
/// <param name="Algorithm">The algorithm used.</param>
/// <param name="Signature">The raw signature; for ES256K, r‖s as two 32-byte big-endian integers.</param>
public sealed record SignResult(Uri KeyId, string Algorithm, ReadOnlyMemory<byte> Signature);
