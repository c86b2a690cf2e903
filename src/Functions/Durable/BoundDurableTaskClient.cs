using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Entities;

namespace PaymentFunctions.Functions.Durable;

/// <summary>
/// The <see cref="DurableTaskClient"/> the shared App services get from DI in the Functions host. The Functions
/// extension hands a client out only as a <c>[DurableClient]</c> binding, so each function binds its client with
/// <see cref="Bind"/> and the handlers it calls (which resolve the client from DI, as in the self-hosted app) reach
/// that invocation's client through this one.
/// </summary>
public sealed class BoundDurableTaskClient() : DurableTaskClient("bound")
{
    private static readonly AsyncLocal<DurableTaskClient?> Current = new();

    /// <inheritdoc />
    public override DurableEntityClient Entities => Client.Entities;

    private static DurableTaskClient Client => Current.Value
        ?? throw new InvalidOperationException("No [DurableClient] is bound: call BoundDurableTaskClient.Bind first in the function.");

    /// <summary>
    /// Makes <paramref name="client"/> the one this invocation's handlers use. Call it in the async function itself:
    /// the binding flows into what it awaits and ends with it.
    /// </summary>
    public static void Bind(DurableTaskClient client) => Current.Value = client ?? throw new ArgumentNullException(nameof(client));

    /// <inheritdoc />
    public override Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
        => Client.ScheduleNewOrchestrationInstanceAsync(orchestratorName, input, options, cancellation);

    /// <inheritdoc />
    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
        => Client.RaiseEventAsync(instanceId, eventName, eventPayload, cancellation);

    /// <inheritdoc />
    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
        => Client.WaitForInstanceStartAsync(instanceId, getInputsAndOutputs, cancellation);

    /// <inheritdoc />
    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
        => Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs, cancellation);

    /// <inheritdoc />
    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default)
        => Client.TerminateInstanceAsync(instanceId, options, cancellation);

    /// <inheritdoc />
    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default)
        => Client.SuspendInstanceAsync(instanceId, reason, cancellation);

    /// <inheritdoc />
    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default)
        => Client.ResumeInstanceAsync(instanceId, reason, cancellation);

    /// <inheritdoc />
    public override Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
        => Client.GetInstanceAsync(instanceId, getInputsAndOutputs, cancellation);

    /// <inheritdoc />
    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null)
        => Client.GetAllInstancesAsync(filter);

    /// <inheritdoc />
    public override Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
        => Client.PurgeInstanceAsync(instanceId, options, cancellation);

    /// <inheritdoc />
    public override Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
        => Client.PurgeAllInstancesAsync(filter, options, cancellation);

    /// <inheritdoc />
    public override Task<string> RestartAsync(string instanceId, bool restartWithNewInstanceId = false, CancellationToken cancellation = default)
        => Client.RestartAsync(instanceId, restartWithNewInstanceId, cancellation);

    /// <inheritdoc />
    public override Task RewindInstanceAsync(string instanceId, string reason, CancellationToken cancellation = default)
        => Client.RewindInstanceAsync(instanceId, reason, cancellation);

    /// <inheritdoc />
    public override ValueTask DisposeAsync() => ValueTask.CompletedTask; // the bound clients belong to the extension
}
