namespace PaymentFunctions.Durable.Client;

/// <summary>Status helpers shared by the client, the worker and the stores.</summary>
public static class OrchestrationRuntimeStatusExtensions
{
    /// <summary>Whether the instance has finished and will not run again unless rewound or restarted.</summary>
    public static bool IsTerminal(this OrchestrationRuntimeStatus status) => status is
        OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed
        or OrchestrationRuntimeStatus.Terminated or OrchestrationRuntimeStatus.Canceled;
}
