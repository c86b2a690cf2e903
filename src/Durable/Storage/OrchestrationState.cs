using PaymentFunctions.Durable.Client;

namespace PaymentFunctions.Durable.Storage;

/// <summary>The stored row of an instance: what queries return and what each checkpoint rewrites.</summary>
public sealed record OrchestrationState(
    string InstanceId,
    string Name,
    string ExecutionId,
    OrchestrationRuntimeStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt)
{
    /// <summary>The orchestrator version.</summary>
    public string? Version { get; init; }

    /// <summary>When a scheduled instance starts.</summary>
    public DateTimeOffset? ScheduledStartTime { get; init; }

    /// <summary>When the instance finished.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>The serialized input of the current execution.</summary>
    public string? Input { get; init; }

    /// <summary>The serialized output.</summary>
    public string? Output { get; init; }

    /// <summary>The serialized custom status.</summary>
    public string? CustomStatus { get; init; }

    /// <summary>The failure of a failed instance.</summary>
    public TaskFailureDetails? FailureDetails { get; init; }

    /// <summary>Tags given at start.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>The parent's instance id, for sub-orchestrations.</summary>
    public string? ParentInstanceId { get; init; }
}
