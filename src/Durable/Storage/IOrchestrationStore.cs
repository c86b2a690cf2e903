using PaymentFunctions.Durable.Client;
using PaymentFunctions.Durable.History;

namespace PaymentFunctions.Durable.Storage;

/// <summary>
/// The one contract between the engine and its storage. Workers lock work under leases and commit each result
/// atomically; clients create, signal, query and purge instances. A lease that is not renewed expires, so
/// another worker picks the work up after a crash; anything committed stays committed.
/// </summary>
/// <remarks>
/// Rules every store keeps: messages reach an instance first in, first out and not before their visible time;
/// one instance is locked by at most one worker at a time; a Pending instance is not handed out until its
/// <see cref="ExecutionStartedEvent"/> (or a termination) is visible; an <see cref="ExecutionStartedEvent"/>
/// message to an instance other than the checkpointing one creates that instance, replacing a finished one.
/// </remarks>
public interface IOrchestrationStore
{
    /// <summary>Creates the schema (idempotent). Called once when the worker or client starts.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Locks up to <paramref name="maxCount"/> instances that have visible messages.</summary>
    Task<IReadOnlyList<OrchestrationWorkItem>> LockOrchestrationWorkItemsAsync(int maxCount, CancellationToken cancellationToken = default);

    /// <summary>
    /// Commits an episode and releases the lock. Returns false, committing nothing, when the lock was lost or the
    /// episode was already committed by another worker.
    /// </summary>
    Task<bool> CompleteOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, OrchestrationCheckpoint checkpoint, CancellationToken cancellationToken = default);

    /// <summary>Releases the lock without committing; the messages become visible again after <paramref name="delay"/>.</summary>
    Task AbandonOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, TimeSpan delay, CancellationToken cancellationToken = default);

    /// <summary>Extends the lease; false when the lease was lost.</summary>
    Task<bool> RenewOrchestrationWorkItemLockAsync(OrchestrationWorkItem workItem, CancellationToken cancellationToken = default);

    /// <summary>Locks up to <paramref name="maxCount"/> activity tasks.</summary>
    Task<IReadOnlyList<ActivityWorkItem>> LockActivityWorkItemsAsync(int maxCount, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the task and delivers its result (<see cref="TaskCompletedEvent"/> or <see cref="TaskFailedEvent"/>)
    /// to the instance, atomically. Returns false, committing nothing, when the task is gone (lease lost).
    /// </summary>
    Task<bool> CompleteActivityWorkItemAsync(ActivityWorkItem workItem, HistoryEvent result, CancellationToken cancellationToken = default);

    /// <summary>Releases the task's lock so another worker can run it.</summary>
    Task AbandonActivityWorkItemAsync(ActivityWorkItem workItem, CancellationToken cancellationToken = default);

    /// <summary>Extends the lease; false when the lease was lost.</summary>
    Task<bool> RenewActivityWorkItemLockAsync(ActivityWorkItem workItem, CancellationToken cancellationToken = default);

    /// <summary>Returns when work of the kind may be available, or after <paramref name="maxWait"/>.</summary>
    Task WaitForWorkAsync(WorkItemKind kind, TimeSpan maxWait, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates an instance from its start message. If the id exists in one of <paramref name="dedupeStatuses"/>
    /// this throws <see cref="OrchestrationAlreadyExistsException"/>; otherwise the old instance is replaced.
    /// </summary>
    Task CreateInstanceAsync(OrchestrationMessage startMessage, IReadOnlyCollection<OrchestrationRuntimeStatus> dedupeStatuses, CancellationToken cancellationToken = default);

    /// <summary>Delivers a message to an existing instance; false when there is no such instance.</summary>
    Task<bool> SendMessageAsync(OrchestrationMessage message, CancellationToken cancellationToken = default);

    /// <summary>The instance's row, with or without its payloads; null when unknown.</summary>
    Task<OrchestrationState?> GetInstanceAsync(string instanceId, bool includePayloads, CancellationToken cancellationToken = default);

    /// <summary>One page of instances matching the query, oldest first.</summary>
    Task<InstanceQueryResult> QueryInstancesAsync(OrchestrationQuery query, CancellationToken cancellationToken = default);

    /// <summary>The current execution's history.</summary>
    Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Deletes a finished instance with its history; returns how many instances were deleted (0 or 1).</summary>
    Task<int> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Deletes the finished instances that match the filter; returns how many.</summary>
    Task<int> PurgeInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellationToken = default);
}
