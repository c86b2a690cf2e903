using System.Text.Json.Serialization;

namespace PaymentFunctions.KeyVault.Keys.Wire;

internal sealed record KeyListResultDto(
    [property: JsonPropertyName("value")] IReadOnlyList<KeyItemDto>? Value,
    [property: JsonPropertyName("nextLink")] string? NextLink);
