using System.Text.Json.Serialization;

namespace PaymentFunctions.KeyVault.Keys.Wire;

internal sealed record KeyItemDto(
    [property: JsonPropertyName("kid")] string? Kid,
    [property: JsonPropertyName("attributes")] KeyAttributesDto? Attributes,
    [property: JsonPropertyName("managed")] bool? Managed);
