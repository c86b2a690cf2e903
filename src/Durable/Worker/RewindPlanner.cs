using PaymentFunctions.Durable.Client;
using PaymentFunctions.Durable.History;
using PaymentFunctions.Durable.Storage;

namespace PaymentFunctions.Durable.Worker;

/// <summary>
/// Rewinds a failed instance. History is cut at the failures that ended it (those after the code's last action),
/// the failed activities run again, failed sub-orchestrations are rewound, and results that arrived after the
/// cut are delivered again; replay then goes on as if the failures never happened.
/// </summary>
internal static class RewindPlanner
{
    public static OrchestrationCheckpoint Plan(OrchestrationWorkItem item, ExecutionRewoundEvent rewind, DateTimeOffset now)
    {
        var history = item.History;
        var end = history.Count - 1;
        while (end >= 0 && history[end] is not ExecutionFailedEvent)
        {
            end--;
        }

        var cut = end;
        for (var i = end - 1; i >= 0; i--)
        {
            var e = history[i];
            if (e is TaskScheduledEvent or TimerCreatedEvent or SubOrchestrationInstanceCreatedEvent or EventSentEvent or ExecutionStartedEvent)
            {
                break;
            }

            if (e is TaskFailedEvent or SubOrchestrationInstanceFailedEvent)
            {
                cut = i;
            }
        }

        var kept = history.Take(cut).ToList();
        var tail = history.Skip(cut).ToList();
        var started = kept.OfType<ExecutionStartedEvent>().First();
        var activities = new List<ActivityRequest>();
        var messages = new List<OrchestrationMessage>();
        foreach (var e in tail)
        {
            switch (e)
            {
                case TaskFailedEvent failed:
                    var scheduled = kept.OfType<TaskScheduledEvent>().First(s => s.EventId == failed.TaskScheduledId);
                    activities.Add(new ActivityRequest(item.InstanceId, started.ExecutionId, started.Generation, scheduled));
                    break;
                case SubOrchestrationInstanceFailedEvent failed:
                    var created = kept.OfType<SubOrchestrationInstanceCreatedEvent>().First(s => s.EventId == failed.TaskScheduledId);
                    messages.Add(new(created.InstanceId, new ExecutionRewoundEvent(now, rewind.Reason)));
                    break;
                case TaskCompletedEvent or SubOrchestrationInstanceCompletedEvent or TimerFiredEvent or EventRaisedEvent:
                    messages.Add(new(item.InstanceId, e, TargetExecutionId: started.ExecutionId));
                    break;
            }
        }

        kept.AddRange([new OrchestratorStartedEvent(now), rewind, new OrchestratorCompletedEvent(now)]);
        var state = item.State! with
        {
            Status = OrchestrationRuntimeStatus.Running,
            FailureDetails = null,
            Output = null,
            CompletedAt = null,
            LastUpdatedAt = now,
        };
        return new(kept, true, state, activities, messages);
    }
}
