using System.Diagnostics;
using System.Runtime.CompilerServices;
using PaymentFunctions.Durable.Client;
using PaymentFunctions.Durable.History;
using PaymentFunctions.Durable.Storage;

namespace PaymentFunctions.App.Operations;

/// <summary>
/// Measures the engine from the one place all its work passes through, the store: starts, outcomes, episode
/// latency and activity duration, with a span per episode and per activity. Behaviour is the inner store's.
/// </summary>
internal sealed class InstrumentedOrchestrationStore(IOrchestrationStore inner, PaymentFunctionsTelemetry telemetry, TimeProvider? time = null)
    : DelegatingOrchestrationStore(inner)
{
    private readonly TimeProvider time = time ?? TimeProvider.System;
    private readonly ConditionalWeakTable<object, StrongBox<DateTimeOffset>> lockedAt = [];

    public override async Task<IReadOnlyList<OrchestrationWorkItem>> LockOrchestrationWorkItemsAsync(int maxCount, CancellationToken cancellationToken = default)
        => this.Stamp(await this.Inner.LockOrchestrationWorkItemsAsync(maxCount, cancellationToken));

    public override async Task<bool> CompleteOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, OrchestrationCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        var started = this.StartedAt(workItem);
        using var span = PaymentFunctionsTelemetry.ActivitySource.StartActivity(
            "orchestration.episode", ActivityKind.Internal, parentContext: default, startTime: started);
        span?.SetTag("durabletask.instance_id", workItem.InstanceId);
        span?.SetTag("durabletask.name", checkpoint.State.Name);
        span?.SetTag("durabletask.status", checkpoint.State.Status.ToString());
        var committed = await this.Inner.CompleteOrchestrationWorkItemAsync(workItem, checkpoint, cancellationToken);
        if (!committed)
        {
            span?.SetTag("durabletask.dropped", true);
            return false;
        }

        var name = new KeyValuePair<string, object?>("name", checkpoint.State.Name);
        telemetry.EpisodeLatency.Record((this.time.GetUtcNow() - started).TotalSeconds, name);
        if (checkpoint.State.Status != workItem.State?.Status || checkpoint.ReplaceHistory)
        {
            if (checkpoint.State.Status == OrchestrationRuntimeStatus.Completed)
            {
                telemetry.OrchestrationsCompleted.Add(1, name);
            }
            else if (checkpoint.State.Status == OrchestrationRuntimeStatus.Failed)
            {
                telemetry.OrchestrationsFailed.Add(1, name);
                span?.SetStatus(ActivityStatusCode.Error, checkpoint.State.FailureDetails?.ErrorType);
            }
        }

        foreach (var message in checkpoint.Messages)
        {
            if (message.Event is ExecutionStartedEvent subStarted && message.InstanceId != workItem.InstanceId)
            {
                telemetry.OrchestrationsStarted.Add(1, new KeyValuePair<string, object?>("name", subStarted.Name));
            }
        }

        return true;
    }

    public override async Task<IReadOnlyList<ActivityWorkItem>> LockActivityWorkItemsAsync(int maxCount, CancellationToken cancellationToken = default)
        => this.Stamp(await this.Inner.LockActivityWorkItemsAsync(maxCount, cancellationToken));

    public override async Task<bool> CompleteActivityWorkItemAsync(ActivityWorkItem workItem, HistoryEvent result, CancellationToken cancellationToken = default)
    {
        var started = this.StartedAt(workItem);
        var failed = result is TaskFailedEvent;
        using var span = PaymentFunctionsTelemetry.ActivitySource.StartActivity(
            "activity " + workItem.Request.Event.Name, ActivityKind.Internal, parentContext: default, startTime: started);
        span?.SetTag("durabletask.instance_id", workItem.Request.InstanceId);
        span?.SetTag("durabletask.name", workItem.Request.Event.Name);
        if (result is TaskFailedEvent failure)
        {
            span?.SetStatus(ActivityStatusCode.Error, failure.FailureDetails.ErrorType);
        }

        var committed = await this.Inner.CompleteActivityWorkItemAsync(workItem, result, cancellationToken);
        telemetry.ActivityDuration.Record(
            (this.time.GetUtcNow() - started).TotalSeconds,
            new KeyValuePair<string, object?>("name", workItem.Request.Event.Name),
            new KeyValuePair<string, object?>("outcome", failed ? "failed" : "completed"));
        return committed;
    }

    public override async Task CreateInstanceAsync(OrchestrationMessage startMessage, IReadOnlyCollection<OrchestrationRuntimeStatus> dedupeStatuses, CancellationToken cancellationToken = default)
    {
        await this.Inner.CreateInstanceAsync(startMessage, dedupeStatuses, cancellationToken);
        var name = (startMessage.Event as ExecutionStartedEvent)?.Name;
        telemetry.OrchestrationsStarted.Add(1, new KeyValuePair<string, object?>("name", name));
    }

    private IReadOnlyList<T> Stamp<T>(IReadOnlyList<T> items)
        where T : class
    {
        var now = this.time.GetUtcNow();
        foreach (var item in items)
        {
            this.lockedAt.AddOrUpdate(item, new StrongBox<DateTimeOffset>(now));
        }

        return items;
    }

    private DateTimeOffset StartedAt(object workItem)
        => this.lockedAt.TryGetValue(workItem, out var box) ? box.Value : this.time.GetUtcNow();
}
