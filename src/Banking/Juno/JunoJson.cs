using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentFunctions.Banking.Juno;

/// <summary>Juno's wire format: snake_case fields, upper-case enum values, numbers that sometimes arrive as strings.</summary>
/// <remarks>Public so the local simulator writes exactly what the client reads.</remarks>
public static class JunoJson
{
    /// <summary>Serializer options matching Juno's JSON.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
