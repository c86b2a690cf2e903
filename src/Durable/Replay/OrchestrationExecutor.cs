using Microsoft.Extensions.Logging;
using PaymentFunctions.Durable.Client;
using PaymentFunctions.Durable.History;

namespace PaymentFunctions.Durable.Replay;

/// <summary>
/// Runs one episode: replays the stored history through the orchestrator code on a single-threaded scheduler,
/// then feeds the new events, and reports the actions the code produced that history does not yet hold.
/// </summary>
internal static class OrchestrationExecutor
{
    public static EpisodeResult Execute(
        string instanceId,
        ITaskOrchestrator orchestrator,
        IReadOnlyList<HistoryEvent> pastEvents,
        IReadOnlyList<HistoryEvent> newEvents,
        DataConverter converter,
        ILoggerFactory loggerFactory)
    {
        var context = new ReplayOrchestrationContext(instanceId, converter, loggerFactory);
        var scheduler = new DeterministicSynchronizationContext();
        var previousContext = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(scheduler);
        try
        {
            return new Episode(context, scheduler, orchestrator).Run(pastEvents, newEvents);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previousContext);
        }
    }

    private sealed class Episode(ReplayOrchestrationContext context, DeterministicSynchronizationContext scheduler, ITaskOrchestrator orchestrator)
    {
        // Incoming events that arrive while suspended wait here, in order, until the instance resumes.
        private readonly Queue<HistoryEvent> held = new();
        private Task<object?>? code;
        private bool suspended;
        private OrchestrationOutcome? terminated;
        private bool terminateChildren;

        public EpisodeResult Run(IReadOnlyList<HistoryEvent> pastEvents, IReadOnlyList<HistoryEvent> newEvents)
        {
            try
            {
                context.Replaying = true;
                foreach (var e in pastEvents)
                {
                    this.Process(e);
                }

                context.Replaying = false;
                foreach (var e in newEvents)
                {
                    this.Process(e);
                }
            }
            catch (NonDeterministicOrchestrationException ex)
            {
                return new EpisodeResult([], new(OrchestrationRuntimeStatus.Failed, FailureDetails: TaskFailureDetails.FromException(ex)), context.CustomStatus, false, []);
            }

            if (this.terminated is not null)
            {
                return new EpisodeResult([], this.terminated, context.CustomStatus, false, this.terminateChildren ? context.RunningSubOrchestrations : []);
            }

            return new EpisodeResult(context.NewActions, this.Outcome(), context.CustomStatus, this.suspended, []);
        }

        private void Process(HistoryEvent e)
        {
            if (this.terminated is not null)
            {
                return;
            }

            switch (e)
            {
                case OrchestratorStartedEvent:
                    context.SetCurrentTime(e.Timestamp);
                    break;
                case ExecutionStartedEvent started:
                    this.code = context.Run(started, orchestrator);
                    break;
                case TaskScheduledEvent or TimerCreatedEvent or SubOrchestrationInstanceCreatedEvent or EventSentEvent:
                    context.MatchRecordedAction(e);
                    break;
                case TaskCompletedEvent or TaskFailedEvent or SubOrchestrationInstanceCompletedEvent
                    or SubOrchestrationInstanceFailedEvent or TimerFiredEvent or EventRaisedEvent:
                    if (this.suspended)
                    {
                        this.held.Enqueue(e);
                    }
                    else
                    {
                        context.Deliver(e);
                    }

                    break;
                case ExecutionSuspendedEvent:
                    this.suspended = true;
                    break;
                case ExecutionResumedEvent:
                    this.suspended = false;
                    while (this.held.TryDequeue(out var next))
                    {
                        context.Deliver(next);
                        scheduler.Pump();
                    }

                    break;
                case ExecutionTerminatedEvent t:
                    this.terminated = new(OrchestrationRuntimeStatus.Terminated, Output: t.Output);
                    this.terminateChildren = t.Recurse;
                    break;
            }

            scheduler.Pump();
        }

        private OrchestrationOutcome? Outcome()
        {
            if (this.code is not { IsCompleted: true } done)
            {
                return null;
            }

            if (done.IsFaulted)
            {
                var exception = done.Exception!.InnerExceptions.Count == 1 ? done.Exception.InnerException! : done.Exception;
                return new(OrchestrationRuntimeStatus.Failed, FailureDetails: TaskFailureDetails.FromException(exception));
            }

            if (done.IsCanceled)
            {
                return new(OrchestrationRuntimeStatus.Failed, FailureDetails: new(typeof(TaskCanceledException).FullName!, "The orchestrator was cancelled."));
            }

            if (context.ContinueAsNewRequest is { } request)
            {
                IReadOnlyList<EventRaisedEvent> carried = request.PreserveUnprocessedEvents
                    ? [.. context.BufferedEvents, .. this.held.OfType<EventRaisedEvent>()]
                    : [];
                return new(OrchestrationRuntimeStatus.ContinuedAsNew, NewInput: request.Input, CarriedOverEvents: carried);
            }

            var output = done.Result;
            return new(OrchestrationRuntimeStatus.Completed, Output: output is null ? null : context.SerializeOutput(output));
        }
    }
}
