using System.Text.Json.Serialization;

namespace PaymentFunctions.KeyVault.Keys.Wire;

internal sealed record KeySignRequestDto(
    [property: JsonPropertyName("alg")] string Alg,
    [property: JsonPropertyName("value")] string Value);
