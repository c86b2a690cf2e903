using Microsoft.EntityFrameworkCore;
using PaymentFunctions.Payments.Domain;

namespace PaymentFunctions.Payments.Persistence;

public sealed partial class PaymentStore
{
    /// <summary>
    /// Records the payment's escrow, or overwrites it when an activity runs again (the key is the payment id).
    /// Keeps the first <see cref="Escrow.CreatedAt"/>.
    /// </summary>
    /// <exception cref="PaymentNotFoundException">No such payment.</exception>
    public async Task SaveEscrowAsync(Escrow escrow, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(escrow);
        ArgumentException.ThrowIfNullOrWhiteSpace(escrow.PaymentId, nameof(escrow));
        var now = this.Now();
        await this.contexts.InTransactionAsync(async context =>
        {
            if (await TouchAsync(context, escrow.PaymentId, now, ct).ConfigureAwait(false) == 0)
            {
                throw new PaymentNotFoundException(escrow.PaymentId);
            }

            // The payment row is locked now, so two savers of one escrow take turns.
            var stored = await context.Escrows.FirstOrDefaultAsync(e => e.PaymentId == escrow.PaymentId, ct).ConfigureAwait(false);
            if (stored is null)
            {
                stored = new Escrow { PaymentId = escrow.PaymentId, CreatedAt = now };
                context.Escrows.Add(stored);
            }

            stored.OnChainId = escrow.OnChainId;
            stored.ContractAddress = escrow.ContractAddress;
            stored.PayerAddress = escrow.PayerAddress;
            stored.PayeeAddress = escrow.PayeeAddress;
            stored.AmountBaseUnits = escrow.AmountBaseUnits;
            stored.ApproveTransactionHash = escrow.ApproveTransactionHash;
            stored.CreateTransactionHash = escrow.CreateTransactionHash;
            stored.ReleaseTransactionHash = escrow.ReleaseTransactionHash;
            stored.RefundTransactionHash = escrow.RefundTransactionHash;
            stored.Status = escrow.Status;
            stored.UpdatedAt = now;
            await context.SaveChangesAsync(ct).ConfigureAwait(false);
            return true;
        }, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Records a contract-side change of the escrow: its status, and the release or refund transaction when given
    /// (null keeps what is stored).
    /// </summary>
    /// <exception cref="KeyNotFoundException">The payment has no escrow.</exception>
    public async Task UpdateEscrowAsync(string paymentId, EscrowStatus status, string? releaseTxHash, string? refundTxHash, CancellationToken ct)
    {
        var now = this.Now();
        await this.contexts.InTransactionAsync(async context =>
        {
            var updated = await context.Escrows
                .Where(e => e.PaymentId == paymentId)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(e => e.Status, status)
                        .SetProperty(e => e.ReleaseTransactionHash, e => releaseTxHash ?? e.ReleaseTransactionHash)
                        .SetProperty(e => e.RefundTransactionHash, e => refundTxHash ?? e.RefundTransactionHash)
                        .SetProperty(e => e.UpdatedAt, now),
                    ct)
                .ConfigureAwait(false);
            if (updated == 0)
            {
                throw new KeyNotFoundException($"Payment {paymentId} has no escrow.");
            }

            await TouchAsync(context, paymentId, now, ct).ConfigureAwait(false);
            return true;
        }, ct).ConfigureAwait(false);
    }
}
