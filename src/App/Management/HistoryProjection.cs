using System.Text.Json.Nodes;
using DurableTask.Core.History;

namespace PaymentFunctions.App.Management;

/// <summary>
/// Shows DTFx's history events in Durable Functions' <c>historyEvents</c> shape: the orchestrator's own episode
/// markers and the scheduling events are left out, each completion or failure carries the name and scheduled time of
/// the call it answers, and payloads (<c>input</c>, <c>result</c>) appear only when asked for.
/// </summary>
internal static class HistoryProjection
{
    public static JsonArray Project(IEnumerable<HistoryEvent> history, bool showOutput)
    {
        var events = new JsonArray();
        var scheduled = new Dictionary<int, (string Name, DateTime Time, string? InstanceId)>();
        foreach (var historyEvent in history)
        {
            switch (historyEvent)
            {
                case OrchestratorStartedEvent or OrchestratorCompletedEvent:
                    continue;
                case TaskScheduledEvent task:
                    scheduled[task.EventId] = (task.Name ?? string.Empty, task.Timestamp, null);
                    continue;
                case SubOrchestrationInstanceCreatedEvent created:
                    scheduled[created.EventId] = (created.Name ?? string.Empty, created.Timestamp, created.InstanceId);
                    continue;
            }

            var node = new JsonObject
            {
                ["eventType"] = historyEvent.EventType.ToString(),
                ["timestamp"] = Utc(historyEvent.Timestamp),
            };
            switch (historyEvent)
            {
                case ExecutionStartedEvent started:
                    node["functionName"] = started.Name;
                    if (started.ParentInstance?.OrchestrationInstance?.InstanceId is { } parent)
                    {
                        // A sub-orchestration names its parent, so a monitor can link back to it.
                        node["parentInstanceId"] = parent;
                    }

                    Payload(node, "input", started.Input, showOutput);
                    break;
                case ContinueAsNewEvent continued:
                    Payload(node, "result", continued.Result, showOutput);
                    break;
                case ExecutionCompletedEvent completed:
                    node["orchestrationStatus"] = completed.OrchestrationStatus.ToString();
                    Payload(node, "result", completed.Result, showOutput);
                    Failure(node, completed.FailureDetails);
                    break;
                case ExecutionTerminatedEvent terminated:
                    Payload(node, "input", terminated.Input, showOutput);
                    break;
                case TaskCompletedEvent completed:
                    Answer(node, scheduled, completed.TaskScheduledId, completed.Result, showOutput);
                    break;
                case SubOrchestrationInstanceCompletedEvent completed:
                    Answer(node, scheduled, completed.TaskScheduledId, completed.Result, showOutput);
                    break;
                case TaskFailedEvent failed:
                    Answer(node, scheduled, failed.TaskScheduledId, failed.FailureDetails, failed.Reason);
                    break;
                case SubOrchestrationInstanceFailedEvent failed:
                    Answer(node, scheduled, failed.TaskScheduledId, failed.FailureDetails, failed.Reason);
                    break;
                case TimerCreatedEvent timer:
                    node["fireAt"] = Utc(timer.FireAt);
                    break;
                case TimerFiredEvent fired:
                    node["fireAt"] = Utc(fired.FireAt);
                    break;
                case EventRaisedEvent raised:
                    node["name"] = raised.Name;
                    Payload(node, "input", raised.Input, showOutput);
                    break;
                case EventSentEvent sent:
                    node["name"] = sent.Name;
                    node["instanceId"] = sent.InstanceId;
                    Payload(node, "input", sent.Input, showOutput);
                    break;
                case ExecutionSuspendedEvent suspended:
                    node["reason"] = suspended.Reason;
                    break;
                case ExecutionResumedEvent resumed:
                    node["reason"] = resumed.Reason;
                    break;
                case ExecutionRewoundEvent rewound:
                    node["reason"] = rewound.Reason;
                    break;
            }

            events.Add(node);
        }

        // Sub-orchestrations still running have no answer yet; show that they were started, so they can be followed.
        var answered = events
            .Where(e => e?["eventType"]?.GetValue<string>() is nameof(EventType.SubOrchestrationInstanceCompleted) or nameof(EventType.SubOrchestrationInstanceFailed))
            .Select(e => e!["instanceId"]?.GetValue<string>())
            .ToHashSet(StringComparer.Ordinal);
        foreach (var pending in scheduled.Values.Where(call => call.InstanceId is not null && !answered.Contains(call.InstanceId)))
        {
            events.Add(new JsonObject
            {
                ["eventType"] = nameof(EventType.SubOrchestrationInstanceCreated),
                ["timestamp"] = Utc(pending.Time),
                ["functionName"] = pending.Name,
                ["instanceId"] = pending.InstanceId,
            });
        }

        return events;
    }

    // A completion or failure names the call it answers, as Durable Functions shows it.
    private static void Answer(JsonObject node, Dictionary<int, (string Name, DateTime Time, string? InstanceId)> scheduled, int scheduledId, string? result, bool showOutput)
    {
        Scheduled(node, scheduled, scheduledId);
        Payload(node, "result", result, showOutput);
    }

    private static void Answer(
        JsonObject node, Dictionary<int, (string Name, DateTime Time, string? InstanceId)> scheduled, int scheduledId, global::DurableTask.Core.FailureDetails? failure, string? reason)
    {
        Scheduled(node, scheduled, scheduledId);
        node["reason"] = failure?.ErrorMessage ?? reason;
        Failure(node, failure);
    }

    private static void Scheduled(JsonObject node, Dictionary<int, (string Name, DateTime Time, string? InstanceId)> scheduled, int scheduledId)
    {
        if (scheduled.TryGetValue(scheduledId, out var call))
        {
            node["functionName"] = call.Name;
            node["scheduledTime"] = Utc(call.Time);
            if (call.InstanceId is not null)
            {
                node["instanceId"] = call.InstanceId;
            }
        }
    }

    private static void Payload(JsonObject node, string name, string? serialized, bool show)
    {
        if (show)
        {
            node[name] = InstanceStatusResponse.ParsePayload(serialized);
        }
    }

    private static void Failure(JsonObject node, global::DurableTask.Core.FailureDetails? failure)
    {
        if (failure is not null)
        {
            node["failureDetails"] = new JsonObject { ["errorType"] = failure.ErrorType, ["errorMessage"] = failure.ErrorMessage };
        }
    }

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
