using System.Text.Json.Serialization;

namespace PaymentFunctions.KeyVault.Keys.Wire;

internal sealed record KeyVerifyResultDto([property: JsonPropertyName("value")] bool? Value);
