using System.Text.Json.Serialization;

namespace PaymentFunctions.KeyVault.Keys.Wire;

internal sealed record KeyVerifyRequestDto(
    [property: JsonPropertyName("alg")] string Alg,
    [property: JsonPropertyName("digest")] string Digest,
    [property: JsonPropertyName("value")] string Value);
