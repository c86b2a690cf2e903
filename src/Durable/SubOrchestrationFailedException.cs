namespace PaymentFunctions.Durable;

/// <summary>Thrown into an orchestrator when a sub-orchestration it awaited failed.</summary>
public sealed class SubOrchestrationFailedException : TaskFailedException
{
    /// <summary>Creates the exception for the named sub-orchestration and its failure.</summary>
    public SubOrchestrationFailedException(string name, int taskId, string instanceId, TaskFailureDetails failureDetails)
        : base(name, taskId, failureDetails)
    {
        this.InstanceId = instanceId;
    }

    /// <summary>The instance id of the failed sub-orchestration.</summary>
    public string InstanceId { get; }
}
