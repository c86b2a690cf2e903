using Microsoft.DurableTask;

namespace PaymentFunctions.Payments.Lifecycle;

/// <summary>
/// One payment from the buyer's SPEI deposit to the seller's SPEI payout through an on-chain escrow (DESIGN §3),
/// with compensation when a step fails for good. Instance id <c>payment-{paymentId}</c>.
/// </summary>
[DurableTask(Name)]
public sealed class PaymentLifecycle : TaskOrchestrator<PaymentLifecycleInput, PaymentOutcome>
{
    /// <summary>The orchestrator's registered name.</summary>
    public const string Name = nameof(PaymentLifecycle);

    /// <inheritdoc />
    public override Task<PaymentOutcome> RunAsync(TaskOrchestrationContext context, PaymentLifecycleInput input) =>
        new PaymentLifecycleRun(context, input).RunAsync();
}
