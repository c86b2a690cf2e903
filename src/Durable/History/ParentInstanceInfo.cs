namespace PaymentFunctions.Durable.History;

/// <summary>Identifies the parent of a sub-orchestration and the action in the parent that waits for it.</summary>
public sealed record ParentInstanceInfo(string Name, string InstanceId, string ExecutionId, int TaskScheduledId);
