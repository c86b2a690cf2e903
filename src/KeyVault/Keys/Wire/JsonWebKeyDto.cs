using System.Text.Json.Serialization;

namespace PaymentFunctions.KeyVault.Keys.Wire;

internal sealed record JsonWebKeyDto(
    [property: JsonPropertyName("kid")] string? Kid,
    [property: JsonPropertyName("kty")] string? Kty,
    [property: JsonPropertyName("crv")] string? Crv,
    [property: JsonPropertyName("x")] string? X,
    [property: JsonPropertyName("y")] string? Y,
    [property: JsonPropertyName("key_ops")] IReadOnlyList<string>? KeyOps);
