namespace PaymentFunctions.Durable.Storage;

/// <summary>
/// An instance locked for one episode: its history, the messages waiting for it and the lease that keeps other
/// workers away until it is checkpointed, abandoned or the lease expires.
/// </summary>
/// <param name="State">The instance row; null if the row does not exist.</param>
/// <param name="DequeueCount">How many times these messages have been handed out; grows when workers crash.</param>
/// <param name="LockToken">The store's proof of this lease; a checkpoint with a stale token is refused.</param>
public sealed record OrchestrationWorkItem(
    string InstanceId,
    OrchestrationState? State,
    IReadOnlyList<History.HistoryEvent> History,
    IReadOnlyList<OrchestrationMessage> Messages,
    int DequeueCount,
    string LockToken);
