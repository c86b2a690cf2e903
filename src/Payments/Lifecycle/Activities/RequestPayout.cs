using PaymentFunctions.Banking.Amounts;
using PaymentFunctions.Banking.Juno;
using PaymentFunctions.Banking.Juno.Models;
using Microsoft.DurableTask;

namespace PaymentFunctions.Payments.Lifecycle.Activities;

/// <summary>
/// Redeems MXNB at Juno with a SPEI payout to a registered bank account. The idempotency key comes from the step key, so
/// a retried or resumed step finds the first redemption; a new payout attempt is a new step with a new key.
/// Returns Juno's transaction with where it pays.
/// </summary>
public sealed class RequestPayout(IJunoClient juno) : TaskActivity<PayoutRequest, PayoutRequested>
{
    /// <inheritdoc />
    public override async Task<PayoutRequested> RunAsync(TaskActivityContext context, PayoutRequest input)
    {
        var request = JunoRedemptionRequest.Create(Mxn.Of(input.AmountMxn), input.BankAccountId);
        var redemption = await JunoRefusedException.OnRefusalAsync(() => juno.CreateRedemptionAsync(request, JunoIdempotencyKey.From(input.StepKey)));
        return new PayoutRequested(redemption.Id, redemption.Details?.ReceiverClabe, redemption.Details?.TrackingKey);
    }
}
