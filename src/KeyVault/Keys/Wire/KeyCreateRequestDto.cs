using System.Text.Json.Serialization;

namespace PaymentFunctions.KeyVault.Keys.Wire;

internal sealed record KeyCreateRequestDto(
    [property: JsonPropertyName("kty")] string Kty,
    [property: JsonPropertyName("crv")] string Crv,
    [property: JsonPropertyName("key_ops")] IReadOnlyList<string> KeyOps);
