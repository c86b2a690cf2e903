namespace PaymentFunctions.Durable.Client;

/// <summary>Options for terminating an instance.</summary>
/// <param name="Output">The output recorded for the terminated instance.</param>
/// <param name="Recursive">Whether running sub-orchestrations are terminated too.</param>
public sealed record TerminateInstanceOptions(object? Output = null, bool Recursive = true);
