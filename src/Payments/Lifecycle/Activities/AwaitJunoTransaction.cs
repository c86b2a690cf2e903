using PaymentFunctions.Banking.Juno;
using PaymentFunctions.Banking.Juno.Models;
using PaymentFunctions.Durable;

namespace PaymentFunctions.Payments.Lifecycle.Activities;

/// <summary>
/// Polls a Juno transaction until it settles or fails, for a bounded time; the orchestration waits on a durable
/// timer and asks again when it is still pending, so a long settlement holds no worker.
/// </summary>
public sealed class AwaitJunoTransaction(IJunoClient juno, TimeProvider time) : TaskActivity<JunoTransactionWait, JunoTransactionState>
{
    internal static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(100);

    /// <inheritdoc />
    public override async Task<JunoTransactionState> RunAsync(TaskActivityContext context, JunoTransactionWait input)
    {
        var giveUpAt = time.GetUtcNow() + input.Within;
        while (true)
        {
            var transaction = await juno.GetTransactionAsync(input.TransactionId);
            var state = new JunoTransactionState(transaction.SummaryStatus, transaction.Details?.TxHash, transaction.Details?.FailureReason);
            if (state.IsFinal || time.GetUtcNow() >= giveUpAt)
            {
                return state;
            }

            await Task.Delay(PollEvery, time);
        }
    }
}
