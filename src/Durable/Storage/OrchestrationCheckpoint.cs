using PaymentFunctions.Durable.History;

namespace PaymentFunctions.Durable.Storage;

/// <summary>
/// Everything one episode produced, written by the store in one transaction together with the deletion of the
/// work item's messages: either all of it happens or none of it.
/// </summary>
/// <param name="NewHistory">Events appended to the history (or the whole new history when <paramref name="ReplaceHistory"/>).</param>
/// <param name="ReplaceHistory">Whether the existing history is dropped first (continue-as-new, rewind).</param>
/// <param name="State">The instance row after the episode.</param>
/// <param name="Activities">Activities to enqueue.</param>
/// <param name="Messages">
/// Messages to this or other instances: timers, sent events, results for a parent, and sub-orchestration starts
/// (an <see cref="ExecutionStartedEvent"/> to another instance creates it, replacing a finished one).
/// </param>
public sealed record OrchestrationCheckpoint(
    IReadOnlyList<HistoryEvent> NewHistory,
    bool ReplaceHistory,
    OrchestrationState State,
    IReadOnlyList<ActivityRequest> Activities,
    IReadOnlyList<OrchestrationMessage> Messages);
