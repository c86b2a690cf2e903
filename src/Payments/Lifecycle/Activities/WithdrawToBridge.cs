using PaymentFunctions.Banking.Amounts;
using PaymentFunctions.Banking.Juno;
using PaymentFunctions.Banking.Juno.Models;
using Microsoft.DurableTask;
using PaymentFunctions.Payments.Chain;

namespace PaymentFunctions.Payments.Lifecycle.Activities;

/// <summary>
/// Asks Juno to send the payment's MXNB to the bridge wallet. The idempotency key comes from the step key, so a retry
/// (or a resume after a hold) returns the first withdrawal instead of sending the tokens twice. Returns Juno's transaction id.
/// </summary>
public sealed class WithdrawToBridge(IJunoClient juno, EscrowGateway chain) : TaskActivity<PaymentAmount, string>
{
    /// <inheritdoc />
    public override async Task<string> RunAsync(TaskActivityContext context, PaymentAmount input)
    {
        var bridge = await chain.GetBridgeAddressAsync();
        var request = JunoWithdrawalRequest.Create(Mxn.Of(input.AmountMxn).ToMxnb(), bridge.ToString());
        var withdrawal = await JunoRefusedException.OnRefusalAsync(() => juno.CreateWithdrawalAsync(request, JunoIdempotencyKey.From(input.StepKey)));
        return withdrawal.Id;
    }
}
