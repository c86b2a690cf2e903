using PaymentFunctions.Banking.Juno;
using PaymentFunctions.Banking.Juno.Models;
using Microsoft.DurableTask;

namespace PaymentFunctions.Payments.Lifecycle.Activities;

/// <summary>
/// Waits, for a bounded time, until Juno has credited tokens sent to the platform's deposit address (a
/// CRYPTO_DEPOSIT carrying the transaction's hash), so the redemption that follows finds the balance there.
/// </summary>
public sealed class AwaitPlatformCredit(IJunoClient juno, TimeProvider time) : TaskActivity<PlatformCreditWait, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, PlatformCreditWait input)
    {
        var giveUpAt = time.GetUtcNow() + input.Within;
        var poll = AwaitJunoTransaction.InitialPoll;
        // Filtering by the exact amount keeps the listing short however many deposits the platform has seen.
        var query = new JunoTransactionQuery
        {
            Type = JunoTransactionType.CryptoDeposit,
            Status = JunoTransactionStatus.Complete,
            AmountFrom = input.AmountMxn,
            AmountTo = input.AmountMxn,
            Size = 100,
        };
        while (true)
        {
            for (var page = 1; ; page++)
            {
                var transactions = await juno.ListTransactionsAsync(query with { Page = page });
                if (transactions.Response.Any(t => string.Equals(t.Details?.TxHash, input.TransactionHash, StringComparison.OrdinalIgnoreCase)))
                {
                    return true;
                }

                if (!transactions.HasMore)
                {
                    break;
                }
            }

            if (time.GetUtcNow() >= giveUpAt)
            {
                return false;
            }

            await Task.Delay(poll, time);
            poll = AwaitJunoTransaction.NextPoll(poll);
        }
    }
}
