using System.Text.Json.Serialization;

namespace PaymentFunctions.KeyVault.Keys.Wire;

internal sealed record KeyOperationResultDto(
    [property: JsonPropertyName("kid")] string? Kid,
    [property: JsonPropertyName("value")] string? Value);
