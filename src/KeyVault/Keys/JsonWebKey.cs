namespace PaymentFunctions.KeyVault.Keys;

/// <summary>
/// The public half of a vault key as Key Vault returns it. Private material never leaves the vault,
/// so this type only ever carries public coordinates.
/// </summary>
/// <param name="Id">The key identifier (<c>kid</c>), including its version.</param>
/// <param name="KeyType">The key type (<c>kty</c>), e.g. <c>EC-HSM</c>.</param>
/// <param name="CurveName">The curve (<c>crv</c>), e.g. <c>P-256K</c>.</param>
/// <param name="X">The public point's x coordinate, big-endian.</param>
/// <param name="Y">The public point's y coordinate, big-endian.</param>
/// <param name="KeyOperations">The operations the vault permits with this key.</param>
public sealed record JsonWebKey(
    Uri Id,
    string KeyType,
    string? CurveName,
    ReadOnlyMemory<byte> X,
    ReadOnlyMemory<byte> Y,
    IReadOnlyList<string> KeyOperations)
{
    /// <inheritdoc />
    public override string ToString() => $"JsonWebKey {{ Id = {Id}, KeyType = {KeyType}, CurveName = {CurveName} }}";
}
