using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentFunctions.Rules.Execution;

/// <summary>How recorded states are written: snake_case, enums by name, decimals as exact JSON numbers.</summary>
internal static class StateJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
