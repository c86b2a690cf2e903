using Microsoft.EntityFrameworkCore;
using PaymentFunctions.Payments.Domain;

namespace PaymentFunctions.Payments.Persistence;

public sealed partial class PaymentStore
{
    /// <summary>
    /// The payment created under <paramref name="idempotencyKey"/> (with escrow, approvals and timeline), or null.
    /// The API compares the retried request with it before asking Juno for a new deposit CLABE, which
    /// <see cref="CreateAsync"/>'s own check cannot do (its request already carries the new CLABE).
    /// </summary>
    public async Task<Payment?> FindByIdempotencyKeyAsync(string idempotencyKey, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        string? id;
        var context = await this.contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            id = await context.Payments.AsNoTracking().Where(p => p.IdempotencyKey == idempotencyKey).Select(p => p.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        }

        return id is null ? null : await this.FindAsync(id, ct).ConfigureAwait(false);
    }

    /// <summary>The payment that owns a deposit CLABE (each payment gets its own), or null.</summary>
    public async Task<Payment?> FindByDepositClabeAsync(string depositClabe, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(depositClabe);
        var context = await this.contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            return await context.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.DepositClabe == depositClabe, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The payment a Juno transaction funded (without timeline), or null: lets deposit detection see that a claim
    /// happened but its event may not have reached the orchestration.
    /// </summary>
    public async Task<Payment?> FindByDepositTransactionAsync(string depositTransactionId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(depositTransactionId);
        var context = await this.contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            return await context.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.DepositTransactionId == depositTransactionId, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Appends an observation about the payment (drift, stuck) unless its key exists, without marking the payment as
    /// having progressed: a stuck payment must stay stuck for the detector after it was flagged.
    /// Returns true when this call recorded it.
    /// </summary>
    /// <exception cref="PaymentNotFoundException">No such payment.</exception>
    public Task<bool> RecordObservationAsync(string paymentId, TimelineEntry entry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var now = this.Now();
        return this.contexts.InTransactionAsync(context => InsertTimelineAsync(context, paymentId, entry, now, ct), ct);
    }
}
