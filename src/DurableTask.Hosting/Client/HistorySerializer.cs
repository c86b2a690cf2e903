using System.Collections.Frozen;
using DurableTask.Core.History;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaymentFunctions.DurableTask.Hosting.Client;

/// <summary>
/// Reads the history JSON that <c>IOrchestrationServiceClient.GetOrchestrationHistoryAsync</c> returns back into
/// DTFx's own events. Providers write it without type names (Azure Storage uses a plain serializer), so the
/// concrete type comes from each event's <c>EventType</c>.
/// </summary>
internal static class HistorySerializer
{
    private static readonly FrozenDictionary<EventType, Type> EventTypes = typeof(HistoryEvent).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(HistoryEvent)) && !t.IsAbstract && t.Namespace == typeof(HistoryEvent).Namespace)
        .SelectMany(t => Enum.GetValues<EventType>().Where(e => NameOf(e) == t.Name).Select(e => (Event: e, Type: t)))
        .ToFrozenDictionary(p => p.Event, p => p.Type);

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.None,
        DateTimeZoneHandling = DateTimeZoneHandling.Utc,
        ContractResolver = new EventIdConstructorResolver(),
    });

    public static IList<HistoryEvent> Deserialize(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        var events = new List<HistoryEvent>();
        foreach (var token in JArray.Parse(json))
        {
            var item = (JObject)token;
            var eventType = item.GetValue("EventType", StringComparison.OrdinalIgnoreCase)?.ToObject<EventType>()
                ?? throw new FormatException("A history event has no EventType.");
            if (!EventTypes.TryGetValue(eventType, out var type))
            {
                throw new FormatException($"History event type {eventType} has no DTFx class.");
            }

            item.Remove("$type");
            events.Add((HistoryEvent)item.ToObject(type, Serializer)!);
        }

        return events;
    }

    // EventType.TaskScheduled is TaskScheduledEvent, EventType.GenericEvent is GenericEvent.
    private static string NameOf(EventType eventType)
    {
        var name = eventType.ToString();
        return name.EndsWith("Event", StringComparison.Ordinal) ? name : name + "Event";
    }

    // Some events (ExecutionRewoundEvent) offer only (eventId) and (eventId, reason) constructors, which Newtonsoft
    // cannot choose between; build them from (eventId) and let the JSON fill in the rest.
    private sealed class EventIdConstructorResolver : Newtonsoft.Json.Serialization.DefaultContractResolver
    {
        protected override Newtonsoft.Json.Serialization.JsonObjectContract CreateObjectContract(Type objectType)
        {
            var contract = base.CreateObjectContract(objectType);
            if (contract.DefaultCreator is null && objectType.GetConstructor([typeof(int)]) is { } constructor)
            {
                contract.DefaultCreator = () => constructor.Invoke([-1]);
            }

            return contract;
        }
    }
}
