using System.Collections.Concurrent;
using System.Diagnostics;
using PaymentFunctions.Durable.Client;
using PaymentFunctions.Durable.History;
using PaymentFunctions.Durable.Storage;

namespace PaymentFunctions.Durable.Postgres.Tests.Workers;

/// <summary>
/// Test probe around a real store: records, per orchestration work item, the interval in which this worker
/// certainly held the instance's lock (see <see cref="LeaseInterval"/>). An episode runs entirely inside that
/// interval, so if two workers' intervals for one instance never overlap, no episode ran in two workers at once.
/// </summary>
internal sealed class LeaseRecordingStore(IOrchestrationStore inner, string worker, ConcurrentQueue<LeaseInterval> sink)
    : DelegatingOrchestrationStore(inner), IAsyncDisposable
{
    private readonly ConcurrentDictionary<(string InstanceId, string LockToken), long> held = new();

    public override async Task<IReadOnlyList<OrchestrationWorkItem>> LockOrchestrationWorkItemsAsync(int maxCount, CancellationToken cancellationToken = default)
    {
        var items = await this.Inner.LockOrchestrationWorkItemsAsync(maxCount, cancellationToken);
        var now = Stopwatch.GetTimestamp();
        foreach (var item in items)
        {
            this.held[(item.InstanceId, item.LockToken)] = now;
        }

        return items;
    }

    public override Task<bool> CompleteOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, OrchestrationCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        this.Release(workItem);
        return this.Inner.CompleteOrchestrationWorkItemAsync(workItem, checkpoint, cancellationToken);
    }

    public override Task AbandonOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, TimeSpan delay, CancellationToken cancellationToken = default)
    {
        this.Release(workItem);
        return this.Inner.AbandonOrchestrationWorkItemAsync(workItem, delay, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (this.Inner is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    // Taken before the inner store commits, so the recorded end is never later than the real release.
    private void Release(OrchestrationWorkItem workItem)
    {
        if (this.held.TryRemove((workItem.InstanceId, workItem.LockToken), out var start))
        {
            sink.Enqueue(new LeaseInterval(workItem.InstanceId, worker, start, Stopwatch.GetTimestamp()));
        }
    }
}
