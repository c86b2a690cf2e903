using System.Diagnostics;
using DurableTask.Core;
using DurableTask.Core.Command;
using DurableTask.Core.History;
using DurableTask.Core.Middleware;
using PaymentFunctions.DurableTask.Hosting.Worker;

namespace PaymentFunctions.App.Operations;

/// <summary>
/// Measures the worker from DTFx's dispatcher pipeline: instances starting (their first episode), completing and
/// failing, episode and activity run times, with a span per episode and per activity. It sees what the dispatcher
/// runs, not the backend's lease and commit, so the times exclude fetching and checkpointing.
/// </summary>
internal sealed class DurableTaskTelemetry(PaymentFunctionsTelemetry telemetry, TimeProvider time) : IDispatchMiddleware
{
    public async Task OrchestrationAsync(DispatchMiddlewareContext context, Func<Task> next)
    {
        var state = context.GetProperty<OrchestrationRuntimeState>();
        var name = state?.Name;
        var started = time.GetUtcNow();
        using var span = PaymentFunctionsTelemetry.ActivitySource.StartActivity("orchestration.episode", ActivityKind.Internal);
        span?.SetTag("durabletask.instance_id", state?.OrchestrationInstance?.InstanceId);
        span?.SetTag("durabletask.name", name);
        await next();

        var tag = new KeyValuePair<string, object?>("name", name);
        telemetry.EpisodeLatency.Record((time.GetUtcNow() - started).TotalSeconds, tag);
        if (state?.NewEvents.OfType<ExecutionStartedEvent>().Any() == true)
        {
            telemetry.OrchestrationsStarted.Add(1, tag);
        }

        var outcome = context.GetProperty<OrchestratorExecutionResult>()?.Actions?.OfType<OrchestrationCompleteOrchestratorAction>().LastOrDefault();
        switch (outcome?.OrchestrationStatus)
        {
            case OrchestrationStatus.Completed:
                telemetry.OrchestrationsCompleted.Add(1, tag);
                span?.SetTag("durabletask.status", nameof(OrchestrationStatus.Completed));
                break;
            case OrchestrationStatus.Failed:
                telemetry.OrchestrationsFailed.Add(1, tag);
                span?.SetTag("durabletask.status", nameof(OrchestrationStatus.Failed));
                span?.SetStatus(ActivityStatusCode.Error, outcome.FailureDetails?.ErrorType);
                break;
        }
    }

    public async Task ActivityAsync(DispatchMiddlewareContext context, Func<Task> next)
    {
        var name = context.GetProperty<TaskScheduledEvent>()?.Name;
        var started = time.GetUtcNow();
        using var span = PaymentFunctionsTelemetry.ActivitySource.StartActivity("activity " + name, ActivityKind.Internal);
        span?.SetTag("durabletask.instance_id", context.GetProperty<OrchestrationInstance>()?.InstanceId);
        span?.SetTag("durabletask.name", name);
        var failed = true;
        try
        {
            await next();
            if (context.GetProperty<ActivityExecutionResult>()?.ResponseEvent is TaskFailedEvent failure)
            {
                span?.SetStatus(ActivityStatusCode.Error, failure.FailureDetails?.ErrorType);
            }
            else
            {
                failed = false;
            }
        }
        finally
        {
            telemetry.ActivityDuration.Record(
                (time.GetUtcNow() - started).TotalSeconds,
                new KeyValuePair<string, object?>("name", name),
                new KeyValuePair<string, object?>("outcome", failed ? "failed" : "completed"));
        }
    }
}
