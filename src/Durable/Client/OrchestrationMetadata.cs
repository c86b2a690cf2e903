namespace PaymentFunctions.Durable.Client;

/// <summary>The state of an orchestration instance as clients see it.</summary>
public sealed record OrchestrationMetadata(string Name, string InstanceId)
{
    /// <summary>The runtime status.</summary>
    public OrchestrationRuntimeStatus RuntimeStatus { get; init; }

    /// <summary>When the instance was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the instance last changed.</summary>
    public DateTimeOffset LastUpdatedAt { get; init; }

    /// <summary>When a scheduled instance starts; null when it started right away.</summary>
    public DateTimeOffset? ScheduledStartTime { get; init; }

    /// <summary>The version the instance was started with.</summary>
    public string? Version { get; init; }

    /// <summary>The serialized input, when fetched.</summary>
    public string? SerializedInput { get; init; }

    /// <summary>The serialized output, when fetched.</summary>
    public string? SerializedOutput { get; init; }

    /// <summary>The serialized custom status, when fetched.</summary>
    public string? SerializedCustomStatus { get; init; }

    /// <summary>The failure, for failed instances.</summary>
    public TaskFailureDetails? FailureDetails { get; init; }

    /// <summary>Tags the instance was started with.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>The parent instance id, for sub-orchestrations.</summary>
    public string? ParentInstanceId { get; init; }

    /// <summary>The converter used by the <c>Read…As</c> methods.</summary>
    internal DataConverter DataConverter { get; init; } = JsonDataConverter.Default;

    /// <summary>Whether the instance is running (or suspended).</summary>
    public bool IsRunning => this.RuntimeStatus is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended;

    /// <summary>Whether the instance has finished.</summary>
    public bool IsCompleted => this.RuntimeStatus.IsTerminal();

    /// <summary>Deserializes the input.</summary>
    public T? ReadInputAs<T>() => this.DataConverter.Deserialize<T>(this.SerializedInput);

    /// <summary>Deserializes the output.</summary>
    public T? ReadOutputAs<T>() => this.DataConverter.Deserialize<T>(this.SerializedOutput);

    /// <summary>Deserializes the custom status.</summary>
    public T? ReadCustomStatusAs<T>() => this.DataConverter.Deserialize<T>(this.SerializedCustomStatus);
}
