using Microsoft.Extensions.Logging;
using PaymentFunctions.Durable.Client;
using PaymentFunctions.Durable.History;
using PaymentFunctions.Durable.Replay;
using PaymentFunctions.Durable.Storage;

namespace PaymentFunctions.Durable.Worker;

/// <summary>Turns a locked orchestration work item into the checkpoint its episode produces.</summary>
internal sealed class EpisodeRunner(
    DurableTaskRegistry registry,
    IServiceProvider services,
    DataConverter converter,
    ILoggerFactory loggerFactory,
    TimeProvider time,
    int maxDequeueCount)
{
    public OrchestrationCheckpoint Run(OrchestrationWorkItem item)
    {
        var now = time.GetUtcNow();
        var incoming = item.Messages.Select(m => m.Event).ToList();

        if (item.History.Any(e => e is ExecutionCompletedEvent or ExecutionFailedEvent))
        {
            // A finished instance only reacts to a rewind; anything else that reaches it is dropped.
            return incoming.OfType<ExecutionRewoundEvent>().FirstOrDefault() is { } rewind && item.State?.Status == OrchestrationRuntimeStatus.Failed
                ? RewindPlanner.Plan(item, rewind, now)
                : Unchanged(item, now);
        }

        var started = item.History.OfType<ExecutionStartedEvent>().FirstOrDefault() ?? incoming.OfType<ExecutionStartedEvent>().FirstOrDefault();
        if (started is null)
        {
            // Only a termination can reach an instance that never started (e.g. one scheduled for later).
            return incoming.OfType<ExecutionTerminatedEvent>().FirstOrDefault() is { } terminate
                ? TerminateUnstarted(item, terminate, now)
                : Unchanged(item, now);
        }

        // Results and timers addressed to an earlier execution (before a continue-as-new) are dropped.
        var newEvents = new List<HistoryEvent> { new OrchestratorStartedEvent(now) };
        newEvents.AddRange(item.Messages
            .Where(m => m.TargetExecutionId is null || m.TargetExecutionId == started.ExecutionId)
            .Select(m => m.Event)
            
            .Where(e => e is not ExecutionStartedEvent || ReferenceEquals(e, started)));

        EpisodeResult result;
        if (item.DequeueCount > maxDequeueCount)
        {
            result = Failure(new("PoisonMessage", $"The instance's work was dequeued {item.DequeueCount} times without completing (limit {maxDequeueCount}); its worker likely crashes while running it."));
        }
        else if (registry.CreateOrchestrator(started.Name, services) is not { } orchestrator)
        {
            result = Failure(new("OrchestratorNotFound", $"No orchestrator named '{started.Name}' is registered with this worker."));
        }
        else
        {
            result = OrchestrationExecutor.Execute(item.InstanceId, orchestrator, item.History, newEvents, converter, loggerFactory);
        }

        return this.Build(item, started, newEvents, result, now);
    }

    private static EpisodeResult Failure(TaskFailureDetails details)
        => new([], new OrchestrationOutcome(OrchestrationRuntimeStatus.Failed, FailureDetails: details), null, false, []);

    private static OrchestrationState StateOf(OrchestrationWorkItem item, ExecutionStartedEvent? started, DateTimeOffset now)
        => item.State ?? new OrchestrationState(item.InstanceId, started?.Name ?? "", started?.ExecutionId ?? "", OrchestrationRuntimeStatus.Pending, now, now)
        {
            Version = started?.Version,
            Input = started?.Input,
            Tags = started?.Tags,
            ParentInstanceId = started?.Parent?.InstanceId,
        };

    private static OrchestrationCheckpoint Unchanged(OrchestrationWorkItem item, DateTimeOffset now)
        => new([], false, StateOf(item, null, now), [], []);

    private static OrchestrationCheckpoint TerminateUnstarted(OrchestrationWorkItem item, ExecutionTerminatedEvent terminate, DateTimeOffset now)
    {
        var state = StateOf(item, null, now) with
        {
            Status = OrchestrationRuntimeStatus.Terminated,
            Output = terminate.Output,
            CompletedAt = now,
            LastUpdatedAt = now,
        };
        HistoryEvent[] history = [new OrchestratorStartedEvent(now), terminate, new ExecutionCompletedEvent(now, OrchestrationRuntimeStatus.Terminated, terminate.Output), new OrchestratorCompletedEvent(now)];
        return new(history, false, state, [], []);
    }

    private OrchestrationCheckpoint Build(
        OrchestrationWorkItem item,
        ExecutionStartedEvent started,
        List<HistoryEvent> newEvents,
        EpisodeResult result,
        DateTimeOffset now)
    {
        var instanceId = item.InstanceId;
        var executionId = started.ExecutionId;
        var history = newEvents;
        var activities = new List<ActivityRequest>();
        var messages = new List<OrchestrationMessage>();

        foreach (var action in result.NewActions)
        {
            switch (action)
            {
                case ScheduleTaskAction a:
                    var scheduled = new TaskScheduledEvent(a.Id, now, a.Name, a.Version, a.Input, a.StepId, a.Tags);
                    history.Add(scheduled);
                    activities.Add(new ActivityRequest(instanceId, executionId, started.Generation, scheduled));
                    break;
                case CreateTimerAction t:
                    history.Add(new TimerCreatedEvent(t.Id, now, t.FireAt));
                    messages.Add(new(instanceId, new TimerFiredEvent(t.FireAt, t.Id, t.FireAt), t.FireAt, executionId));
                    break;
                case CreateSubOrchestrationAction s:
                    history.Add(new SubOrchestrationInstanceCreatedEvent(s.Id, now, s.Name, s.Version, s.InstanceId, s.Input));
                    var parent = new ParentInstanceInfo(started.Name, instanceId, executionId, s.Id);
                    messages.Add(new(s.InstanceId, new ExecutionStartedEvent(now, s.Name, s.Version, s.Input, NewExecutionId(), parent)));
                    break;
                case SendEventAction e:
                    history.Add(new EventSentEvent(e.Id, now, e.InstanceId, e.Name, e.Input));
                    messages.Add(new(e.InstanceId, new EventRaisedEvent(now, e.Name, e.Input)));
                    break;
            }
        }

        var state = StateOf(item, started, now) with
        {
            ExecutionId = executionId,
            Status = result.IsSuspended ? OrchestrationRuntimeStatus.Suspended : OrchestrationRuntimeStatus.Running,
            CustomStatus = result.CustomStatus,
            LastUpdatedAt = now,
        };
        var replaceHistory = false;

        switch (result.Outcome)
        {
            case { Status: OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Terminated } done:
                history.Add(new ExecutionCompletedEvent(now, done.Status, done.Output));
                state = state with { Status = done.Status, Output = done.Output, CompletedAt = now };
                messages.AddRange(result.RunningSubOrchestrations.Select(child =>
                    new OrchestrationMessage(child, new ExecutionTerminatedEvent(now, done.Output, Recurse: true))));
                if (started.Parent is { } p)
                {
                    HistoryEvent toParent = done.Status == OrchestrationRuntimeStatus.Completed
                        ? new SubOrchestrationInstanceCompletedEvent(now, p.TaskScheduledId, done.Output)
                        : new SubOrchestrationInstanceFailedEvent(now, p.TaskScheduledId, new("Terminated", $"Sub-orchestration '{instanceId}' was terminated."));
                    messages.Add(new(p.InstanceId, toParent, TargetExecutionId: p.ExecutionId));
                }

                break;
            case { Status: OrchestrationRuntimeStatus.Failed, FailureDetails: { } failure }:
                history.Add(new ExecutionFailedEvent(now, failure));
                state = state with { Status = OrchestrationRuntimeStatus.Failed, FailureDetails = failure, CompletedAt = now };
                if (started.Parent is { } parentOfFailed)
                {
                    messages.Add(new(parentOfFailed.InstanceId, new SubOrchestrationInstanceFailedEvent(now, parentOfFailed.TaskScheduledId, failure), TargetExecutionId: parentOfFailed.ExecutionId));
                }

                break;
            case { Status: OrchestrationRuntimeStatus.ContinuedAsNew } next:
                var nextExecutionId = NewExecutionId();
                replaceHistory = true;
                history = [];
                messages.Add(new(instanceId, new ExecutionStartedEvent(now, started.Name, started.Version, next.NewInput, nextExecutionId, started.Parent, started.Tags, Generation: started.Generation + 1)));
                messages.AddRange((next.CarriedOverEvents ?? []).Select(e => new OrchestrationMessage(instanceId, e)));
                state = state with { ExecutionId = nextExecutionId, Input = next.NewInput, Status = OrchestrationRuntimeStatus.Running };
                break;
        }

        if (!replaceHistory)
        {
            history.Add(new OrchestratorCompletedEvent(now));
        }

        return new(history, replaceHistory, state, activities, messages);
    }

    private static string NewExecutionId() => Guid.NewGuid().ToString("N");
}
