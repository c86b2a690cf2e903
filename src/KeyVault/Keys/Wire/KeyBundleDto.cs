using System.Text.Json.Serialization;

namespace PaymentFunctions.KeyVault.Keys.Wire;

internal sealed record KeyBundleDto(
    [property: JsonPropertyName("key")] JsonWebKeyDto? Key,
    [property: JsonPropertyName("attributes")] KeyAttributesDto? Attributes);
