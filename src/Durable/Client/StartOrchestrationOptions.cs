namespace PaymentFunctions.Durable.Client;

/// <summary>Options for starting an orchestration instance.</summary>
/// <param name="InstanceId">The instance id; a new GUID when null.</param>
/// <param name="StartAt">When to start; right away when null or in the past.</param>
public sealed record StartOrchestrationOptions(string? InstanceId = null, DateTimeOffset? StartAt = null)
{
    /// <summary>Tags stored with the instance.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>The orchestrator version.</summary>
    public string? Version { get; init; }

    /// <summary>
    /// If an instance with the same id exists in one of these statuses, the start fails with
    /// <see cref="OrchestrationAlreadyExistsException"/>; otherwise the old instance is replaced.
    /// Null means the unfinished statuses: Pending, Running and Suspended.
    /// </summary>
    public IReadOnlyCollection<OrchestrationRuntimeStatus>? DedupeStatuses { get; init; }
}
