using PaymentFunctions.Banking.Juno;
using Microsoft.DurableTask;
using PaymentFunctions.Payments.Persistence;

namespace PaymentFunctions.Payments.Lifecycle.Activities;

/// <summary>
/// Finds the Juno bank account registered for the buyer's refund CLABE; null when the payment has none or it is
/// not registered yet (the orchestration then holds the funds for an operator).
/// </summary>
public sealed class FindRefundAccount(PaymentStore store, IJunoClient juno) : TaskActivity<string, string?>
{
    /// <inheritdoc />
    public override async Task<string?> RunAsync(TaskActivityContext context, string input)
    {
        var payment = await store.FindAsync(input, CancellationToken.None) ?? throw new PaymentNotFoundException(input);
        if (payment.BuyerRefundClabe is not { } clabe)
        {
            return null;
        }

        var accounts = await juno.ListBankAccountsAsync();
        return accounts.FirstOrDefault(a => a.Clabe == clabe)?.Id;
    }
}
