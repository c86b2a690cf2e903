using Microsoft.EntityFrameworkCore;
using PaymentFunctions.Payments.Domain;

namespace PaymentFunctions.Payments.Persistence;

public sealed partial class PaymentStore
{
    /// <summary>Timeline key of the deposit match, so a repeated claim never records twice.</summary>
    public const string DepositMatchedKey = "deposit-matched";

    /// <summary>
    /// Atomically funds the payment with a Juno ISSUANCE transaction: only a payment in
    /// <see cref="PaymentStatus.AwaitingDeposit"/> with no deposit yet takes it, and a transaction funds one payment
    /// only (unique index). On success the payment moves to <see cref="PaymentStatus.Funding"/> and records
    /// <see cref="TimelineEventKind.DepositMatched"/> (key <see cref="DepositMatchedKey"/>). Returns false when either rule refuses.
    /// </summary>
    public async Task<bool> ClaimDepositAsync(string paymentId, string depositTransactionId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(depositTransactionId);
        var now = this.Now();
        try
        {
            return await this.contexts.InTransactionAsync(async context =>
            {
                // The row lock taken by the update serializes claimers of one payment; the unique index serializes
                // claimers of one transaction across payments (the loser fails when the winner commits).
                var claimed = await context.Payments
                    .Where(p => p.Id == paymentId && p.Status == PaymentStatus.AwaitingDeposit && p.DepositTransactionId == null)
                    .ExecuteUpdateAsync(
                        s => s.SetProperty(p => p.DepositTransactionId, depositTransactionId)
                            .SetProperty(p => p.Status, PaymentStatus.Funding)
                            .SetProperty(p => p.UpdatedAt, now),
                        ct)
                    .ConfigureAwait(false);
                if (claimed == 0)
                {
                    return false;
                }

                var amount = await context.Payments.Where(p => p.Id == paymentId).Select(p => p.AmountMxn).FirstAsync(ct).ConfigureAwait(false);
                var entry = new TimelineEntry(
                    DepositMatchedKey,
                    TimelineEventKind.DepositMatched,
                    new Dictionary<string, string> { [TimelineData.TransactionId] = depositTransactionId, [TimelineData.AmountMxn] = Invariant(amount) });
                await InsertTimelineAsync(context, paymentId, entry, now, ct).ConfigureAwait(false);
                return true;
            }, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (PostgresErrors.IsUniqueViolation(ex, PaymentsModel.DepositTransactionIndex))
        {
            return false;
        }
    }

    /// <summary>
    /// Expires the payment only if no deposit claimed it, atomically with the claim's rules, so a deposit matched at the
    /// deadline is never lost to an expiry. Appends <paramref name="entry"/> when it expires. Returns true when it expired.
    /// </summary>
    public Task<bool> ExpireIfUnfundedAsync(string paymentId, TimelineEntry? entry, CancellationToken ct)
    {
        var now = this.Now();
        return this.contexts.InTransactionAsync(async context =>
        {
            var expired = await context.Payments
                .Where(p => p.Id == paymentId && p.Status == PaymentStatus.AwaitingDeposit && p.DepositTransactionId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PaymentStatus.Expired).SetProperty(p => p.UpdatedAt, now), ct)
                .ConfigureAwait(false);
            if (expired == 1 && entry is not null)
            {
                await InsertTimelineAsync(context, paymentId, entry, now, ct).ConfigureAwait(false);
            }

            return expired == 1;
        }, ct);
    }
}
