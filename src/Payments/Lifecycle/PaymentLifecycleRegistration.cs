using Microsoft.DurableTask;
using PaymentFunctions.Payments.Lifecycle.Activities;

namespace PaymentFunctions.Payments.Lifecycle;

/// <summary>Registers the payment lifecycle's orchestrator and activities with the engine.</summary>
public static class PaymentLifecycleRegistration
{
    /// <summary>Adds <see cref="PaymentLifecycle"/> and every activity it calls.</summary>
    public static DurableTaskRegistry AddPaymentLifecycle(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestrator<PaymentLifecycle>()
            .AddActivity<RecordProgress>()
            .AddActivity<ExpireUnfundedPayment>()
            .AddActivity<WithdrawToBridge>()
            .AddActivity<AwaitJunoTransaction>()
            .AddActivity<FundEscrow>()
            .AddActivity<ActOnEscrow>()
            .AddActivity<AwaitPlatformCredit>()
            .AddActivity<ReturnToJuno>()
            .AddActivity<RequestPayout>()
            .AddActivity<FindRefundAccount>()
            .AddActivity<CountApprovals>();
    }
}
