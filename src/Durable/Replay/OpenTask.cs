namespace PaymentFunctions.Durable.Replay;

/// <summary>An awaited action whose result has not arrived yet.</summary>
internal sealed class OpenTask(string name, OpenTaskKind kind, string? instanceId = null)
{
    public string Name { get; } = name;

    public OpenTaskKind Kind { get; } = kind;

    /// <summary>The child's instance id, for sub-orchestrations.</summary>
    public string? InstanceId { get; } = instanceId;

    // Continuations run inline on the replay thread, keeping their order deterministic.
    public TaskCompletionSource<string?> Completion { get; } = new();
}
