using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PaymentFunctions.Payments.Domain;

namespace PaymentFunctions.Payments.Persistence;

public sealed partial class PaymentStore
{
    private static readonly string InsertTimelineSql =
        $$"""
        INSERT INTO {{PaymentsDbContext.Schema}}.{{PaymentsModel.TimelineTable}} (payment_id, key, kind, occurred_at, data)
        VALUES ({0}, {1}, {2}, {3}, CAST({4} AS jsonb))
        ON CONFLICT (payment_id, key) DO NOTHING
        """;

    /// <summary>
    /// Appends <paramref name="entry"/> unless the payment already has an event with its key, and marks the payment
    /// as having progressed. Returns true when this call recorded it.
    /// </summary>
    /// <exception cref="PaymentNotFoundException">No such payment.</exception>
    public Task<bool> AppendTimelineAsync(string paymentId, TimelineEntry entry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var now = this.Now();
        return this.contexts.InTransactionAsync(async context =>
        {
            var inserted = await InsertTimelineAsync(context, paymentId, entry, now, ct).ConfigureAwait(false);
            if (inserted)
            {
                await TouchAsync(context, paymentId, now, ct).ConfigureAwait(false);
            }

            return inserted;
        }, ct);
    }

    /// <summary>Inserts the event inside the caller's transaction; ON CONFLICT keeps that transaction usable on a repeat.</summary>
    private static async Task<bool> InsertTimelineAsync(PaymentsDbContext context, string paymentId, TimelineEntry entry, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Key, nameof(entry));
        var occurredAt = entry.OccurredAt is { } at ? Utc(at) : now;
        try
        {
            var rows = await context.Database.ExecuteSqlRawAsync(
                InsertTimelineSql,
                [paymentId, entry.Key, entry.Kind.ToString(), occurredAt, TimelineJson.Serialize(entry.Data)],
                ct).ConfigureAwait(false);
            return rows == 1;
        }
        catch (Exception ex) when (PostgresErrors.IsForeignKeyViolation(ex))
        {
            throw new PaymentNotFoundException(paymentId);
        }
    }

    /// <summary>Records progress (for stuck detection) inside the caller's transaction.</summary>
    private static Task<int> TouchAsync(PaymentsDbContext context, string paymentId, DateTimeOffset now, CancellationToken ct) =>
        context.Payments.Where(p => p.Id == paymentId).ExecuteUpdateAsync(s => s.SetProperty(p => p.UpdatedAt, now), ct);

    private static string Invariant(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
