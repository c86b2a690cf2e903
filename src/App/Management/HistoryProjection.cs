using System.Text.Json;
using System.Text.Json.Nodes;
using PaymentFunctions.Durable.History;

namespace PaymentFunctions.App.Management;

/// <summary>Shows history events with an <c>eventType</c> field, their payloads only when asked for.</summary>
internal static class HistoryProjection
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
    private static readonly string[] PayloadFields = ["input", "result", "output"];

    public static JsonArray Project(IEnumerable<HistoryEvent> history, bool showOutput)
    {
        var events = new JsonArray();
        foreach (var historyEvent in history)
        {
            var node = JsonSerializer.SerializeToNode(historyEvent, Options)!.AsObject();
            node.Remove("$type");
            var projected = new JsonObject { ["eventType"] = historyEvent.EventType.ToString() };
            foreach (var (name, value) in node.ToList())
            {
                node.Remove(name);
                if (name == "eventType" || (!showOutput && PayloadFields.Contains(name)))
                {
                    continue;
                }

                projected[name] = name is "input" or "result" or "output" && value is JsonValue text && text.TryGetValue<string>(out var raw)
                    ? InstanceStatusResponse.ParsePayload(raw)
                    : value;
            }

            events.Add(projected);
        }

        return events;
    }
}
