namespace PaymentFunctions.Durable;

/// <summary>Options for a sub-orchestration, adding its instance id.</summary>
public sealed record SubOrchestrationOptions(TaskRetryOptions? Retry = null, string? InstanceId = null) : TaskOptions(Retry);
