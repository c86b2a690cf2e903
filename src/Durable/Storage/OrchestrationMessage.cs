using PaymentFunctions.Durable.History;

namespace PaymentFunctions.Durable.Storage;

/// <summary>
/// An event on its way to an instance: a start, an external event, an activity result, a timer, a control
/// request. Messages are delivered first in, first out per instance, not before <see cref="VisibleAt"/>.
/// </summary>
/// <param name="InstanceId">The target instance.</param>
/// <param name="Event">What is delivered; it becomes part of the target's history when consumed.</param>
/// <param name="VisibleAt">Not delivered before this time (timers, scheduled starts); at once when null.</param>
/// <param name="TargetExecutionId">The execution the message belongs to; a newer execution drops it.</param>
public sealed record OrchestrationMessage(
    string InstanceId,
    HistoryEvent Event,
    DateTimeOffset? VisibleAt = null,
    string? TargetExecutionId = null)
{
    /// <summary>The store's id for the stored message, assigned by the store; 0 before it is stored.</summary>
    public long SequenceNumber { get; init; }
}
