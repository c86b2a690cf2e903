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
    : IOrchestrationStore, IAsyncDisposable
{
    private readonly ConcurrentDictionary<(string InstanceId, string LockToken), long> held = new();

    public Task InitializeAsync(CancellationToken cancellationToken = default) => inner.InitializeAsync(cancellationToken);

    public async Task<IReadOnlyList<OrchestrationWorkItem>> LockOrchestrationWorkItemsAsync(int maxCount, CancellationToken cancellationToken = default)
    {
        var items = await inner.LockOrchestrationWorkItemsAsync(maxCount, cancellationToken);
        var now = Stopwatch.GetTimestamp();
        foreach (var item in items)
        {
            this.held[(item.InstanceId, item.LockToken)] = now;
        }

        return items;
    }

    public Task<bool> CompleteOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, OrchestrationCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        this.Release(workItem);
        return inner.CompleteOrchestrationWorkItemAsync(workItem, checkpoint, cancellationToken);
    }

    public Task AbandonOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, TimeSpan delay, CancellationToken cancellationToken = default)
    {
        this.Release(workItem);
        return inner.AbandonOrchestrationWorkItemAsync(workItem, delay, cancellationToken);
    }

    public Task<bool> RenewOrchestrationWorkItemLockAsync(OrchestrationWorkItem workItem, CancellationToken cancellationToken = default)
        => inner.RenewOrchestrationWorkItemLockAsync(workItem, cancellationToken);

    public Task<IReadOnlyList<ActivityWorkItem>> LockActivityWorkItemsAsync(int maxCount, CancellationToken cancellationToken = default)
        => inner.LockActivityWorkItemsAsync(maxCount, cancellationToken);

    public Task<bool> CompleteActivityWorkItemAsync(ActivityWorkItem workItem, HistoryEvent result, CancellationToken cancellationToken = default)
        => inner.CompleteActivityWorkItemAsync(workItem, result, cancellationToken);

    public Task AbandonActivityWorkItemAsync(ActivityWorkItem workItem, CancellationToken cancellationToken = default)
        => inner.AbandonActivityWorkItemAsync(workItem, cancellationToken);

    public Task<bool> RenewActivityWorkItemLockAsync(ActivityWorkItem workItem, CancellationToken cancellationToken = default)
        => inner.RenewActivityWorkItemLockAsync(workItem, cancellationToken);

    public Task WaitForWorkAsync(WorkItemKind kind, TimeSpan maxWait, CancellationToken cancellationToken = default)
        => inner.WaitForWorkAsync(kind, maxWait, cancellationToken);

    public Task CreateInstanceAsync(OrchestrationMessage startMessage, IReadOnlyCollection<OrchestrationRuntimeStatus> dedupeStatuses, CancellationToken cancellationToken = default)
        => inner.CreateInstanceAsync(startMessage, dedupeStatuses, cancellationToken);

    public Task<bool> SendMessageAsync(OrchestrationMessage message, CancellationToken cancellationToken = default)
        => inner.SendMessageAsync(message, cancellationToken);

    public Task<OrchestrationState?> GetInstanceAsync(string instanceId, bool includePayloads, CancellationToken cancellationToken = default)
        => inner.GetInstanceAsync(instanceId, includePayloads, cancellationToken);

    public Task<InstanceQueryResult> QueryInstancesAsync(OrchestrationQuery query, CancellationToken cancellationToken = default)
        => inner.QueryInstancesAsync(query, cancellationToken);

    public Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default)
        => inner.GetHistoryAsync(instanceId, cancellationToken);

    public Task<int> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
        => inner.PurgeInstanceAsync(instanceId, cancellationToken);

    public Task<int> PurgeInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellationToken = default)
        => inner.PurgeInstancesAsync(filter, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (inner is IAsyncDisposable disposable)
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
