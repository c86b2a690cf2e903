using System.Text.Json.Serialization;

namespace PaymentFunctions.Durable.History;

/// <summary>
/// One entry of an orchestration's append-only history. Replaying the history through the orchestrator code
/// rebuilds its state, so every event is immutable once written.
/// </summary>
/// <param name="EventId">The action sequence id for scheduling events; -1 for everything else.</param>
/// <param name="Timestamp">When the event was created (UTC).</param>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(ExecutionStartedEvent), nameof(EventType.ExecutionStarted))]
[JsonDerivedType(typeof(ExecutionCompletedEvent), nameof(EventType.ExecutionCompleted))]
[JsonDerivedType(typeof(ExecutionFailedEvent), nameof(EventType.ExecutionFailed))]
[JsonDerivedType(typeof(ExecutionTerminatedEvent), nameof(EventType.ExecutionTerminated))]
[JsonDerivedType(typeof(TaskScheduledEvent), nameof(EventType.TaskScheduled))]
[JsonDerivedType(typeof(TaskCompletedEvent), nameof(EventType.TaskCompleted))]
[JsonDerivedType(typeof(TaskFailedEvent), nameof(EventType.TaskFailed))]
[JsonDerivedType(typeof(SubOrchestrationInstanceCreatedEvent), nameof(EventType.SubOrchestrationInstanceCreated))]
[JsonDerivedType(typeof(SubOrchestrationInstanceCompletedEvent), nameof(EventType.SubOrchestrationInstanceCompleted))]
[JsonDerivedType(typeof(SubOrchestrationInstanceFailedEvent), nameof(EventType.SubOrchestrationInstanceFailed))]
[JsonDerivedType(typeof(TimerCreatedEvent), nameof(EventType.TimerCreated))]
[JsonDerivedType(typeof(TimerFiredEvent), nameof(EventType.TimerFired))]
[JsonDerivedType(typeof(OrchestratorStartedEvent), nameof(EventType.OrchestratorStarted))]
[JsonDerivedType(typeof(OrchestratorCompletedEvent), nameof(EventType.OrchestratorCompleted))]
[JsonDerivedType(typeof(EventSentEvent), nameof(EventType.EventSent))]
[JsonDerivedType(typeof(EventRaisedEvent), nameof(EventType.EventRaised))]
[JsonDerivedType(typeof(ContinueAsNewEvent), nameof(EventType.ContinueAsNew))]
[JsonDerivedType(typeof(ExecutionSuspendedEvent), nameof(EventType.ExecutionSuspended))]
[JsonDerivedType(typeof(ExecutionResumedEvent), nameof(EventType.ExecutionResumed))]
[JsonDerivedType(typeof(ExecutionRewoundEvent), nameof(EventType.ExecutionRewound))]
public abstract record HistoryEvent(int EventId, DateTimeOffset Timestamp)
{
    /// <summary>The kind of event, as stored.</summary>
    [JsonIgnore]
    public abstract EventType EventType { get; }
}
