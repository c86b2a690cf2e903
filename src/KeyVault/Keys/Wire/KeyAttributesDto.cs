using System.Text.Json.Serialization;

namespace PaymentFunctions.KeyVault.Keys.Wire;

/// <remarks>Times are Unix seconds, as Key Vault sends them.</remarks>
internal sealed record KeyAttributesDto(
    [property: JsonPropertyName("enabled")] bool? Enabled,
    [property: JsonPropertyName("created")] long? Created,
    [property: JsonPropertyName("updated")] long? Updated);
