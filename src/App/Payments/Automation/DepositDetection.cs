using PaymentFunctions.Banking.Juno;
using PaymentFunctions.Banking.Juno.Models;
using PaymentFunctions.Payments.Domain;
using PaymentFunctions.Payments.Persistence;

namespace PaymentFunctions.App.Payments.Automation;

/// <summary>
/// The deposit-detection timer: pages through Juno's completed ISSUANCE transactions and hands each to the
/// <see cref="DepositMatcher"/>. It catches deposits whose webhook never came, and events lost between a claim and
/// its raise. Only transactions since the oldest payment still in play are read, so the pass stays short.
/// </summary>
public sealed class DepositDetection(IJunoClient juno, PaymentStore store, DepositMatcher matcher) : IPaymentProcess
{
    private const int PageSize = 100;
    private const int MaxPayments = 1000;

    // A deposit cannot predate its CLABE, created with the payment; the margin covers clock differences with Juno.
    private static readonly TimeSpan ClockMargin = TimeSpan.FromMinutes(5);

    /// <inheritdoc />
    public string Name => PaymentProcesses.Deposits;

    /// <inheritdoc />
    public async Task<ProcessOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var awaiting = await store.ListAsync(PaymentStatus.AwaitingDeposit, MaxPayments, cancellationToken);
        var funding = await store.ListAsync(PaymentStatus.Funding, MaxPayments, cancellationToken);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal) { ["seen"] = 0, ["matched"] = 0, ["reraised"] = 0 };
        if (awaiting.Count == 0 && funding.Count == 0)
        {
            return new ProcessOutcome("matched 0: no payment awaits a deposit", counts);
        }

        var since = awaiting.Concat(funding).Min(p => p.CreatedAt) - ClockMargin;
        for (var page = 1; ; page++)
        {
            var transactions = await juno.ListTransactionsAsync(
                new JunoTransactionQuery
                {
                    Type = JunoTransactionType.Issuance,
                    Status = JunoTransactionStatus.Complete,
                    IsoDateFrom = since,
                    Page = page,
                    Size = PageSize,
                },
                cancellationToken);
            foreach (var transaction in transactions.Response)
            {
                counts["seen"]++;
                var match = await matcher.MatchAsync(transaction, cancellationToken);
                if (match.Outcome == DepositMatchOutcome.Matched)
                {
                    counts["matched"]++;
                }
                else if (match.Outcome == DepositMatchOutcome.Reraised)
                {
                    counts["reraised"]++;
                }
            }

            if (!transactions.HasMore || transactions.Response.Count == 0)
            {
                break;
            }
        }

        var summary = $"matched {counts["matched"]} of {counts["seen"]} deposits" + (counts["reraised"] > 0 ? $", re-raised {counts["reraised"]}" : "");
        return new ProcessOutcome(summary, counts);
    }
}
