using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using PaymentFunctions.Payments.Domain;
using PaymentFunctions.Payments.Lifecycle;

namespace PaymentFunctions.App.Payments;

/// <summary>
/// The host's side of each payment's <see cref="PaymentLifecycle"/> orchestration: starting it once, signalling it,
/// and reading where it is. The API, the webhook and the timers share it so they signal alike.
/// </summary>
public sealed partial class PaymentOrchestrations(DurableTaskClient client, ILogger<PaymentOrchestrations> logger)
{
    /// <summary>The lifecycle step during which the orchestration waits for <see cref="PaymentEvents.DepositMatched"/>.</summary>
    public const string AwaitingDepositStep = "awaiting-deposit";

    /// <summary>
    /// Dedupe on every status: a finished instance must never be started again by a retried request. The SDK's
    /// <c>ValidDedupeStatuses</c> names only the terminal ones, and with explicit statuses our client replaces the rest.
    /// </summary>
    internal static readonly string[] EveryStatus = [.. Enum.GetNames<OrchestrationRuntimeStatus>()];

    /// <summary>Schedules the payment's orchestration unless an instance with its id exists (in any status).</summary>
    /// <returns>The instance id.</returns>
    public async Task<string> EnsureStartedAsync(Payment payment, LifecyclePolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var instanceId = PaymentLifecycleInput.InstanceIdFor(payment.Id);
        var input = new PaymentLifecycleInput(
            payment.Id, payment.AmountMxn, payment.Deadline, payment.CustodyEnd, payment.RequiredApprovals, payment.SellerBankAccountId, policy);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                PaymentLifecycle.Name, input, new StartOrchestrationOptions(instanceId) { DedupeStatuses = EveryStatus }, cancellationToken);
            LogStarted(logger, payment.Id, instanceId);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            // A retry of the creation, or a concurrent one: the first start stands.
        }

        return instanceId;
    }

    /// <summary>Raises <paramref name="eventName"/> on the payment's orchestration; false when it has no instance.</summary>
    public async Task<bool> RaiseAsync(string paymentId, string eventName, object payload, CancellationToken cancellationToken)
    {
        var instanceId = PaymentLifecycleInput.InstanceIdFor(paymentId);
        try
        {
            await client.RaiseEventAsync(instanceId, eventName, payload, cancellationToken);
            LogRaised(logger, eventName, paymentId);
            return true;
        }
        catch (ArgumentException)
        {
            LogNoInstance(logger, eventName, paymentId);
            return false;
        }
    }

    /// <summary>The payment's orchestration status with its custom status (the lifecycle step), or null when it has no instance.</summary>
    public Task<OrchestrationMetadata?> GetAsync(string paymentId, CancellationToken cancellationToken) =>
        client.GetInstanceAsync(PaymentLifecycleInput.InstanceIdFor(paymentId), getInputsAndOutputs: true, cancellationToken);

    /// <summary>
    /// True while the orchestration still waits for its deposit, or was never started (the host stopped between
    /// inserting the payment and starting it).
    /// </summary>
    public async Task<bool> IsAwaitingDepositAsync(string paymentId, CancellationToken cancellationToken)
    {
        var metadata = await this.GetAsync(paymentId, cancellationToken);
        return metadata is null || (!metadata.IsCompleted && ReadStep(metadata) is null or AwaitingDepositStep);
    }

    /// <summary>The lifecycle step from the custom status, or null before the first one is set.</summary>
    internal static string? ReadStep(OrchestrationMetadata metadata)
    {
        try
        {
            return metadata.ReadCustomStatusAs<LifecycleProgress>()?.Step;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Started the lifecycle of payment {PaymentId} as {InstanceId}")]
    private static partial void LogStarted(ILogger logger, string paymentId, string instanceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Raised {EventName} on payment {PaymentId}")]
    private static partial void LogRaised(ILogger logger, string eventName, string paymentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not raise {EventName}: payment {PaymentId} has no orchestration")]
    private static partial void LogNoInstance(ILogger logger, string eventName, string paymentId);
}
