using System.Text.Json.Serialization;

namespace PaymentFunctions.KeyVault.Keys.Wire;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(KeyBundleDto))]
[JsonSerializable(typeof(KeyCreateRequestDto))]
[JsonSerializable(typeof(KeySignRequestDto))]
[JsonSerializable(typeof(KeyOperationResultDto))]
[JsonSerializable(typeof(ErrorResponseDto))]
[JsonSerializable(typeof(KeyListResultDto))]
[JsonSerializable(typeof(KeyVerifyRequestDto))]
[JsonSerializable(typeof(KeyVerifyResultDto))]
internal sealed partial class KeyVaultJsonContext : JsonSerializerContext;
