using PaymentFunctions.Durable.History;

namespace PaymentFunctions.Durable.Storage;

/// <summary>An activity to run for an instance.</summary>
/// <param name="Generation">The execution's continue-as-new count, for idempotency keys.</param>
public sealed record ActivityRequest(string InstanceId, string ExecutionId, int Generation, TaskScheduledEvent Event);
