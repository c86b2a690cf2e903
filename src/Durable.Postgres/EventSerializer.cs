using System.Text.Json;
using PaymentFunctions.Durable.History;

namespace PaymentFunctions.Durable.Postgres;

/// <summary>
/// Turns history events, failure details and tags into the JSON kept in <c>jsonb</c> columns and back.
/// </summary>
internal static class EventSerializer
{
    // jsonb reorders object keys, so the "$type" discriminator may no longer come first when read back.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        AllowOutOfOrderMetadataProperties = true,
    };

    public static string Serialize(HistoryEvent historyEvent) => JsonSerializer.Serialize(historyEvent, Options);

    public static HistoryEvent Deserialize(string json)
        => JsonSerializer.Deserialize<HistoryEvent>(json, Options) ?? throw new JsonException("A stored history event was null.");

    public static string? SerializeFailure(TaskFailureDetails? details)
        => details is null ? null : JsonSerializer.Serialize(details, Options);

    public static TaskFailureDetails? DeserializeFailure(string? json)
        => json is null ? null : JsonSerializer.Deserialize<TaskFailureDetails>(json, Options);

    public static string? SerializeTags(IReadOnlyDictionary<string, string>? tags)
        => tags is null ? null : JsonSerializer.Serialize(tags, Options);

    public static IReadOnlyDictionary<string, string>? DeserializeTags(string? json)
        => json is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(json, Options);
}
