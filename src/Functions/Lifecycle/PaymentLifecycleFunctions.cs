using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using PaymentFunctions.Functions.Durable;
using PaymentFunctions.Payments.Lifecycle;
using PaymentFunctions.Payments.Lifecycle.Activities;

namespace PaymentFunctions.Functions.Lifecycle;

/// <summary>
/// The payment lifecycle's orchestrator and activities as Durable Functions, each a one-line delegation to the class
/// the self-hosted app registers through <c>AddPaymentLifecycle()</c>; the names are the registry's.
/// </summary>
public static class PaymentLifecycleFunctions
{
    /// <summary>
    /// The lifecycle orchestrator: the class's <c>RunAsync</c> on the Functions orchestration context. The extension
    /// binds the orchestration input to the one parameter without a binding, deserialized as its type.
    /// </summary>
    [Function(PaymentLifecycle.Name)]
    public static Task<PaymentOutcome> PaymentLifecycleAsync([OrchestrationTrigger] TaskOrchestrationContext context, PaymentLifecycleInput input) =>
        new PaymentLifecycle().RunAsync(context, input);

    /// <summary><see cref="RecordProgress"/>.</summary>
    [Function(nameof(RecordProgress))]
    public static Task<bool> RecordProgressAsync([ActivityTrigger] ProgressUpdate input, FunctionContext function) =>
        Activities.RunAsync<RecordProgress, ProgressUpdate, bool>(function, input);

    /// <summary><see cref="ExpireUnfundedPayment"/>.</summary>
    [Function(nameof(ExpireUnfundedPayment))]
    public static Task<bool> ExpireUnfundedPaymentAsync([ActivityTrigger] string input, FunctionContext function) =>
        Activities.RunAsync<ExpireUnfundedPayment, string, bool>(function, input);

    /// <summary><see cref="WithdrawToBridge"/>.</summary>
    [Function(nameof(WithdrawToBridge))]
    public static Task<string> WithdrawToBridgeAsync([ActivityTrigger] PaymentAmount input, FunctionContext function) =>
        Activities.RunAsync<WithdrawToBridge, PaymentAmount, string>(function, input);

    /// <summary><see cref="AwaitJunoTransaction"/>.</summary>
    [Function(nameof(AwaitJunoTransaction))]
    public static Task<JunoTransactionState> AwaitJunoTransactionAsync([ActivityTrigger] JunoTransactionWait input, FunctionContext function) =>
        Activities.RunAsync<AwaitJunoTransaction, JunoTransactionWait, JunoTransactionState>(function, input);

    /// <summary><see cref="FundEscrow"/>.</summary>
    [Function(nameof(FundEscrow))]
    public static Task<string> FundEscrowAsync([ActivityTrigger] EscrowRequest input, FunctionContext function) =>
        Activities.RunAsync<FundEscrow, EscrowRequest, string>(function, input);

    /// <summary><see cref="ActOnEscrow"/>.</summary>
    [Function(nameof(ActOnEscrow))]
    public static Task<string> ActOnEscrowAsync([ActivityTrigger] EscrowCommand input, FunctionContext function) =>
        Activities.RunAsync<ActOnEscrow, EscrowCommand, string>(function, input);

    /// <summary><see cref="AwaitPlatformCredit"/>.</summary>
    [Function(nameof(AwaitPlatformCredit))]
    public static Task<bool> AwaitPlatformCreditAsync([ActivityTrigger] PlatformCreditWait input, FunctionContext function) =>
        Activities.RunAsync<AwaitPlatformCredit, PlatformCreditWait, bool>(function, input);

    /// <summary><see cref="ReturnToJuno"/>.</summary>
    [Function(nameof(ReturnToJuno))]
    public static Task<string> ReturnToJunoAsync([ActivityTrigger] PaymentAmount input, FunctionContext function) =>
        Activities.RunAsync<ReturnToJuno, PaymentAmount, string>(function, input);

    /// <summary><see cref="RequestPayout"/>.</summary>
    [Function(nameof(RequestPayout))]
    public static Task<PayoutRequested> RequestPayoutAsync([ActivityTrigger] PayoutRequest input, FunctionContext function) =>
        Activities.RunAsync<RequestPayout, PayoutRequest, PayoutRequested>(function, input);

    /// <summary><see cref="FindRefundAccount"/>.</summary>
    [Function(nameof(FindRefundAccount))]
    public static Task<string?> FindRefundAccountAsync([ActivityTrigger] string input, FunctionContext function) =>
        Activities.RunAsync<FindRefundAccount, string, string?>(function, input);

    /// <summary><see cref="CountApprovals"/>.</summary>
    [Function(nameof(CountApprovals))]
    public static Task<int> CountApprovalsAsync([ActivityTrigger] string input, FunctionContext function) =>
        Activities.RunAsync<CountApprovals, string, int>(function, input);
}
