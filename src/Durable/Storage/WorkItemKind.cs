namespace PaymentFunctions.Durable.Storage;

/// <summary>The two queues a worker serves.</summary>
public enum WorkItemKind
{
    /// <summary>Orchestration episodes.</summary>
    Orchestration,

    /// <summary>Activity executions.</summary>
    Activity,
}
