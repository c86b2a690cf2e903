namespace PaymentFunctions.Durable.History;

/// <summary>
/// The kinds of history events. The numeric values are stored by durable stores, so the list is append-only.
/// </summary>
public enum EventType
{
    ExecutionStarted = 0,
    ExecutionCompleted,
    ExecutionFailed,
    ExecutionTerminated,
    TaskScheduled,
    TaskCompleted,
    TaskFailed,
    SubOrchestrationInstanceCreated,
    SubOrchestrationInstanceCompleted,
    SubOrchestrationInstanceFailed,
    TimerCreated,
    TimerFired,
    OrchestratorStarted,
    OrchestratorCompleted,
    EventSent,
    EventRaised,
    ContinueAsNew,
    GenericEvent,
    HistoryState,
    ExecutionSuspended,
    ExecutionResumed,
    ExecutionRewound,
}
