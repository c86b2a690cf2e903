namespace PaymentFunctions.Durable.Replay;

/// <summary>What one episode of an orchestrator produced.</summary>
/// <param name="NewActions">Actions not yet in history, in sequence order.</param>
/// <param name="Outcome">How the execution ended, or null while it keeps running.</param>
/// <param name="RunningSubOrchestrations">Children started and not finished, for recursive termination.</param>
internal sealed record EpisodeResult(
    IReadOnlyList<OrchestratorAction> NewActions,
    OrchestrationOutcome? Outcome,
    string? CustomStatus,
    bool IsSuspended,
    IReadOnlyList<string> RunningSubOrchestrations);
