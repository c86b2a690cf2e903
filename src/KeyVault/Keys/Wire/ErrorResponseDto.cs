using System.Text.Json.Serialization;

namespace PaymentFunctions.KeyVault.Keys.Wire;

internal sealed record ErrorResponseDto([property: JsonPropertyName("error")] ErrorDto? Error);
