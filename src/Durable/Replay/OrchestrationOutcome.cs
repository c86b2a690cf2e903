using PaymentFunctions.Durable.Client;
using PaymentFunctions.Durable.History;

namespace PaymentFunctions.Durable.Replay;

/// <summary>How an execution ended in this episode.</summary>
/// <param name="Status">Completed, Failed, Terminated or ContinuedAsNew.</param>
/// <param name="CarriedOverEvents">Unprocessed events kept for the next execution (continue-as-new).</param>
internal sealed record OrchestrationOutcome(
    OrchestrationRuntimeStatus Status,
    string? Output = null,
    TaskFailureDetails? FailureDetails = null,
    string? NewInput = null,
    IReadOnlyList<EventRaisedEvent>? CarriedOverEvents = null);
