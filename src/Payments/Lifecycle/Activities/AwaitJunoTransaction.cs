using PaymentFunctions.Banking.Juno;
using PaymentFunctions.Banking.Juno.Models;
using Microsoft.DurableTask;

namespace PaymentFunctions.Payments.Lifecycle.Activities;

/// <summary>
/// Polls a Juno transaction until it settles or fails, for a bounded time; the orchestration waits on a durable
/// timer and asks again when it is still pending, so a long settlement holds no worker.
/// </summary>
public sealed class AwaitJunoTransaction(IJunoClient juno, TimeProvider time) : TaskActivity<JunoTransactionWait, JunoTransactionState>
{
    // Quick at first, since most settlements take a moment, then slower, so many payments waiting at once do not
    // spend the CPU asking Juno the same question.
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromMilliseconds(500);

    /// <inheritdoc />
    public override async Task<JunoTransactionState> RunAsync(TaskActivityContext context, JunoTransactionWait input)
    {
        var giveUpAt = time.GetUtcNow() + input.Within;
        var poll = FirstPoll;
        while (true)
        {
            var transaction = await juno.GetTransactionAsync(input.TransactionId);
            var state = new JunoTransactionState(transaction.SummaryStatus, transaction.Details?.TxHash, transaction.Details?.FailureReason);
            if (state.IsFinal || time.GetUtcNow() >= giveUpAt)
            {
                return state;
            }

            await Task.Delay(poll, time);
            poll = NextPoll(poll);
        }
    }

    /// <summary>The wait after <paramref name="poll"/>: half as long again, up to half a second.</summary>
    internal static TimeSpan NextPoll(TimeSpan poll) => poll * 1.5 < LongestPoll ? poll * 1.5 : LongestPoll;

    /// <summary>The first wait between polls.</summary>
    internal static TimeSpan InitialPoll => FirstPoll;
}
