using DurableTask.Core;
using DurableTask.Core.History;
using DurableTask.Core.Serializing;

namespace PaymentFunctions.DurableTask.Postgres.Storage;

/// <summary>
/// DTFx's own serializer conventions (<see cref="JsonDataConverter.Default"/>: Newtonsoft.Json with type names on
/// objects), so stored messages and history events come back as DTFx's own types and
/// <see cref="IOrchestrationServiceClient.GetOrchestrationHistoryAsync"/> returns what DTFx tooling parses.
/// </summary>
internal static class DurableJson
{
    private static readonly JsonDataConverter Converter = JsonDataConverter.Default;

    public static string Serialize(object value) => Converter.Serialize(value);

    public static string? SerializeOrNull(object? value) => value is null ? null : Converter.Serialize(value);

    public static TaskMessage ToMessage(string json) => Converter.Deserialize<TaskMessage>(json);

    public static HistoryEvent ToEvent(string json) => Converter.Deserialize<HistoryEvent>(json);

    public static T? ToObject<T>(string? json)
        where T : class => json is null ? null : Converter.Deserialize<T>(json);
}
