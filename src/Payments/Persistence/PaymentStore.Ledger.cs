using Microsoft.EntityFrameworkCore;
using PaymentFunctions.Payments.Ledger;

namespace PaymentFunctions.Payments.Persistence;

public sealed partial class PaymentStore
{
    private static readonly string InsertLedgerTransactionSql =
        $$"""
        INSERT INTO {{PaymentsDbContext.Schema}}.{{PaymentsModel.LedgerTransactionsTable}} (payment_id, key, movement, occurred_at)
        VALUES ({0}, {1}, {2}, {3})
        ON CONFLICT (payment_id, key) DO NOTHING
        RETURNING id AS "Value"
        """;

    /// <summary>
    /// Posts one movement of the payment's value: a transaction with a debit and a credit that sum to zero.
    /// Idempotent by <paramref name="key"/> within the payment; returns true when this call posted it.
    /// </summary>
    /// <exception cref="PaymentNotFoundException">No such payment.</exception>
    public Task<bool> PostLedgerAsync(string paymentId, LedgerMovement movement, decimal amountMxn, string key, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var entries = movement.Entries(amountMxn);
        var now = this.Now();
        return this.contexts.InTransactionAsync(async context =>
        {
            List<long> ids;
            try
            {
                ids = await context.Database
                    .SqlQueryRaw<long>(InsertLedgerTransactionSql, paymentId, key, movement.ToString(), now)
                    .ToListAsync(ct)
                    .ConfigureAwait(false);
            }
            catch (Exception ex) when (PostgresErrors.IsForeignKeyViolation(ex))
            {
                throw new PaymentNotFoundException(paymentId);
            }

            if (ids.Count == 0)
            {
                return false;
            }

            foreach (var entry in entries)
            {
                entry.TransactionId = ids[0];
            }

            context.LedgerEntries.AddRange(entries);
            await context.SaveChangesAsync(ct).ConfigureAwait(false);
            return true;
        }, ct);
    }

    /// <summary>
    /// The balance of every <see cref="LedgerAccount"/> (zero when untouched), over one payment or, with null, over all.
    /// Positive means value sits there; the outside accounts go negative as value leaves them.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, decimal>> GetBalancesAsync(string? paymentId, CancellationToken ct)
    {
        var context = await this.contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var entries = context.LedgerEntries.AsNoTracking();
            if (paymentId is not null)
            {
                entries = entries.Where(e => context.LedgerTransactions.Any(t => t.Id == e.TransactionId && t.PaymentId == paymentId));
            }

            var sums = await entries
                .GroupBy(e => e.Account)
                .Select(g => new { Account = g.Key, Balance = g.Sum(e => e.Amount) })
                .ToListAsync(ct)
                .ConfigureAwait(false);
            var balances = LedgerAccount.All.ToDictionary(a => a, _ => 0.00m, StringComparer.Ordinal);
            foreach (var sum in sums)
            {
                balances[sum.Account] = sum.Balance;
            }

            return balances;
        }
    }

    /// <summary>The payment's posted ledger transactions with their entries, oldest first: what an operator reads to see where its value went.</summary>
    public async Task<IReadOnlyList<LedgerTransaction>> ListLedgerAsync(string paymentId, CancellationToken ct)
    {
        var context = await this.contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            return await context.LedgerTransactions.AsNoTracking()
                .Include(t => t.Entries)
                .Where(t => t.PaymentId == paymentId)
                .OrderBy(t => t.OccurredAt).ThenBy(t => t.Id)
                .ToListAsync(ct)
                .ConfigureAwait(false);
        }
    }
}
