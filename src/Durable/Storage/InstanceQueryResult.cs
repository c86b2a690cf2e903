namespace PaymentFunctions.Durable.Storage;

/// <summary>One page of a query over instances.</summary>
public sealed record InstanceQueryResult(IReadOnlyList<OrchestrationState> Instances, string? ContinuationToken);
