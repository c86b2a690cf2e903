using PaymentFunctions.Banking.Amounts;
using Microsoft.DurableTask;
using PaymentFunctions.Payments.Chain;

namespace PaymentFunctions.Payments.Lifecycle.Activities;

/// <summary>
/// Sends a refunded payment's tokens from the bridge wallet back to the platform's Juno deposit address, so Juno can
/// redeem them and pay the buyer. Returns the transaction hash.
/// </summary>
public sealed class ReturnToJuno(EscrowGateway chain) : TaskActivity<PaymentAmount, string>
{
    /// <inheritdoc />
    public override Task<string> RunAsync(TaskActivityContext context, PaymentAmount input) =>
        chain.TransferTokensAsync(input.StepKey, chain.PlatformDepositAddress, Mxn.Of(input.AmountMxn).ToMxnb().BaseUnits);
}
