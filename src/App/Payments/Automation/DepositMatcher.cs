using Microsoft.Extensions.Options;
using PaymentFunctions.Banking.Clabes;
using PaymentFunctions.Banking.Juno.Models;
using PaymentFunctions.Payments.Domain;
using PaymentFunctions.Payments.Lifecycle;
using PaymentFunctions.Payments.Persistence;

namespace PaymentFunctions.App.Payments.Automation;

/// <summary>
/// Matches a Juno ISSUANCE (an MXN deposit that minted MXNB) to the payment awaiting exactly that amount on that
/// deposit CLABE, claims it atomically and tells the payment's orchestration. The deposit-detection timer and the
/// Juno webhook both come here, so a deposit funds one payment whichever sees it first.
/// </summary>
public sealed partial class DepositMatcher(
    PaymentStore store,
    PaymentOrchestrations orchestrations,
    IOptions<PaymentsOptions> options,
    ILogger<DepositMatcher> logger)
{
    /// <summary>Matches <paramref name="transaction"/>; safe to repeat for the same transaction.</summary>
    public async Task<DepositMatch> MatchAsync(JunoTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (transaction is not { TransactionType: JunoTransactionType.Issuance, SummaryStatus: JunoTransactionStatus.Complete, Details.ReceiverClabe: { Length: > 0 } clabe })
        {
            return new DepositMatch(DepositMatchOutcome.Ignored);
        }

        foreach (var candidate in await store.FindAwaitingDepositAsync(clabe, transaction.Amount, cancellationToken))
        {
            // The claim decides: another matcher (webhook or another instance) may have taken this payment or deposit.
            if (await store.ClaimDepositAsync(candidate.Id, transaction.Id, cancellationToken))
            {
                // Claimed: signal even if the caller goes away now (a lost signal waits for the next timer pass).
                LogMatched(logger, transaction.Id, candidate.Id, ClabeMask.Mask(clabe)!);
                await this.RaiseAsync(candidate, transaction, CancellationToken.None);
                return new DepositMatch(DepositMatchOutcome.Matched, candidate.Id);
            }
        }

        if (await store.FindByDepositTransactionAsync(transaction.Id, cancellationToken) is not { } claimed)
        {
            return await this.UnmatchedAsync(clabe, transaction, cancellationToken);
        }

        // Claimed earlier; if the host stopped between the claim and the event, the orchestration still waits.
        if (await orchestrations.IsAwaitingDepositAsync(claimed.Id, cancellationToken))
        {
            LogReraised(logger, transaction.Id, claimed.Id);
            await this.RaiseAsync(claimed, transaction, cancellationToken);
            return new DepositMatch(DepositMatchOutcome.Reraised, claimed.Id);
        }

        return new DepositMatch(DepositMatchOutcome.AlreadyMatched, claimed.Id);
    }

    /// <summary>
    /// A deposit no payment can take (another amount, or after the deadline) is money the platform holds for someone:
    /// the payment owning the CLABE gets it on its timeline and operators get a warning, once per transaction.
    /// </summary>
    private async Task<DepositMatch> UnmatchedAsync(string clabe, JunoTransaction transaction, CancellationToken cancellationToken)
    {
        if (await store.FindByDepositClabeAsync(clabe, cancellationToken) is not { } owner)
        {
            return new DepositMatch(DepositMatchOutcome.Unmatched);
        }

        var entry = new TimelineEntry(
            $"unmatched-deposit:{transaction.Id}",
            TimelineEventKind.UnmatchedDeposit,
            new Dictionary<string, string>
            {
                [TimelineData.TransactionId] = transaction.Id,
                [TimelineData.AmountMxn] = transaction.Amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
            });
        if (await store.RecordObservationAsync(owner.Id, entry, cancellationToken))
        {
            LogUnmatched(logger, transaction.Id, owner.Id, owner.Status.ToString());
        }

        return new DepositMatch(DepositMatchOutcome.Unmatched, owner.Id);
    }

    private async Task RaiseAsync(Payment payment, JunoTransaction transaction, CancellationToken cancellationToken)
    {
        var matched = new DepositMatched(transaction.Id, transaction.Amount);
        if (!await orchestrations.RaiseAsync(payment.Id, PaymentEvents.DepositMatched, matched, cancellationToken))
        {
            // The host stopped between inserting the payment and starting its orchestration: start it now.
            await orchestrations.EnsureStartedAsync(payment, options.Value.Lifecycle, cancellationToken);
            await orchestrations.RaiseAsync(payment.Id, PaymentEvents.DepositMatched, matched, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deposit {TransactionId} into {Clabe} funds payment {PaymentId}")]
    private static partial void LogMatched(ILogger logger, string transactionId, string paymentId, string clabe);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deposit {TransactionId} reached the CLABE of payment {PaymentId} ({Status}) but does not fund it; it needs review")]
    private static partial void LogUnmatched(ILogger logger, string transactionId, string paymentId, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deposit {TransactionId} was claimed by payment {PaymentId} but its orchestration still waits; raising the event again")]
    private static partial void LogReraised(ILogger logger, string transactionId, string paymentId);
}
