using PaymentFunctions.Durable.Client;
using PaymentFunctions.Durable.History;

namespace PaymentFunctions.Durable.Storage;

/// <summary>
/// A store that forwards every call to another one: the base for decorators (telemetry, test probes) that
/// override only the calls they observe and leave behaviour to the inner store.
/// </summary>
public abstract class DelegatingOrchestrationStore(IOrchestrationStore inner) : IOrchestrationStore
{
    /// <summary>The store calls are forwarded to.</summary>
    protected IOrchestrationStore Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc />
    public virtual Task InitializeAsync(CancellationToken cancellationToken = default)
        => this.Inner.InitializeAsync(cancellationToken);

    /// <inheritdoc />
    public virtual Task<IReadOnlyList<OrchestrationWorkItem>> LockOrchestrationWorkItemsAsync(int maxCount, CancellationToken cancellationToken = default)
        => this.Inner.LockOrchestrationWorkItemsAsync(maxCount, cancellationToken);

    /// <inheritdoc />
    public virtual Task<bool> CompleteOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, OrchestrationCheckpoint checkpoint, CancellationToken cancellationToken = default)
        => this.Inner.CompleteOrchestrationWorkItemAsync(workItem, checkpoint, cancellationToken);

    /// <inheritdoc />
    public virtual Task AbandonOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, TimeSpan delay, CancellationToken cancellationToken = default)
        => this.Inner.AbandonOrchestrationWorkItemAsync(workItem, delay, cancellationToken);

    /// <inheritdoc />
    public virtual Task<bool> RenewOrchestrationWorkItemLockAsync(OrchestrationWorkItem workItem, CancellationToken cancellationToken = default)
        => this.Inner.RenewOrchestrationWorkItemLockAsync(workItem, cancellationToken);

    /// <inheritdoc />
    public virtual Task<IReadOnlyList<ActivityWorkItem>> LockActivityWorkItemsAsync(int maxCount, CancellationToken cancellationToken = default)
        => this.Inner.LockActivityWorkItemsAsync(maxCount, cancellationToken);

    /// <inheritdoc />
    public virtual Task<bool> CompleteActivityWorkItemAsync(ActivityWorkItem workItem, HistoryEvent result, CancellationToken cancellationToken = default)
        => this.Inner.CompleteActivityWorkItemAsync(workItem, result, cancellationToken);

    /// <inheritdoc />
    public virtual Task AbandonActivityWorkItemAsync(ActivityWorkItem workItem, CancellationToken cancellationToken = default)
        => this.Inner.AbandonActivityWorkItemAsync(workItem, cancellationToken);

    /// <inheritdoc />
    public virtual Task<bool> RenewActivityWorkItemLockAsync(ActivityWorkItem workItem, CancellationToken cancellationToken = default)
        => this.Inner.RenewActivityWorkItemLockAsync(workItem, cancellationToken);

    /// <inheritdoc />
    public virtual Task WaitForWorkAsync(WorkItemKind kind, TimeSpan maxWait, CancellationToken cancellationToken = default)
        => this.Inner.WaitForWorkAsync(kind, maxWait, cancellationToken);

    /// <inheritdoc />
    public virtual Task CreateInstanceAsync(OrchestrationMessage startMessage, IReadOnlyCollection<OrchestrationRuntimeStatus> dedupeStatuses, CancellationToken cancellationToken = default)
        => this.Inner.CreateInstanceAsync(startMessage, dedupeStatuses, cancellationToken);

    /// <inheritdoc />
    public virtual Task<bool> SendMessageAsync(OrchestrationMessage message, CancellationToken cancellationToken = default)
        => this.Inner.SendMessageAsync(message, cancellationToken);

    /// <inheritdoc />
    public virtual Task<OrchestrationState?> GetInstanceAsync(string instanceId, bool includePayloads, CancellationToken cancellationToken = default)
        => this.Inner.GetInstanceAsync(instanceId, includePayloads, cancellationToken);

    /// <inheritdoc />
    public virtual Task<InstanceQueryResult> QueryInstancesAsync(OrchestrationQuery query, CancellationToken cancellationToken = default)
        => this.Inner.QueryInstancesAsync(query, cancellationToken);

    /// <inheritdoc />
    public virtual Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default)
        => this.Inner.GetHistoryAsync(instanceId, cancellationToken);

    /// <inheritdoc />
    public virtual Task<int> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
        => this.Inner.PurgeInstanceAsync(instanceId, cancellationToken);

    /// <inheritdoc />
    public virtual Task<int> PurgeInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellationToken = default)
        => this.Inner.PurgeInstancesAsync(filter, cancellationToken);
}
