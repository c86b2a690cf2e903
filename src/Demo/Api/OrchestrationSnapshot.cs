using System.Text.Json;

namespace PaymentFunctions.Demo.Api;

/// <summary>Where the payment's orchestration is.</summary>
/// <param name="InstanceId">The durable instance id (<c>payment-{id}</c>).</param>
/// <param name="RuntimeStatus">Running, Completed, Failed, …</param>
/// <param name="CustomStatus">What the orchestrator last reported; normally a <see cref="LifecycleStep"/>.</param>
public sealed record OrchestrationSnapshot(string InstanceId, string? RuntimeStatus, JsonElement? CustomStatus)
{
    /// <summary>The custom status as a step, or null before the orchestrator reported one (or if it reported something else).</summary>
    public LifecycleStep? Step =>
        CustomStatus is { ValueKind: JsonValueKind.Object } status
        && status.TryGetProperty("step", out var step) && step.ValueKind == JsonValueKind.String
        && status.TryGetProperty("stepNumber", out var number) && number.TryGetInt32(out var stepNumber)
        && status.TryGetProperty("stepCount", out var count) && count.TryGetInt32(out var stepCount)
            ? new LifecycleStep(step.GetString()!, stepNumber, stepCount)
            : null;
}
