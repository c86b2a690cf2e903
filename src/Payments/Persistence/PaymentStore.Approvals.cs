using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PaymentFunctions.Payments.Domain;

namespace PaymentFunctions.Payments.Persistence;

public sealed partial class PaymentStore
{
    private static readonly string LockPaymentSql =
        $"SELECT *, xmin FROM {PaymentsDbContext.Schema}.{PaymentsModel.PaymentsTable} WHERE id = {{0}} FOR UPDATE";

    private static readonly string InsertApprovalSql =
        $$"""
        INSERT INTO {{PaymentsDbContext.Schema}}.{{PaymentsModel.ApprovalsTable}} (payment_id, approver, approved_at)
        VALUES ({0}, {1}, {2})
        ON CONFLICT (payment_id, approver) DO NOTHING
        """;

    /// <summary>How many approvers approved the payment's release (one row per approver, so a count suffices).</summary>
    public async Task<int> CountApprovalsAsync(string paymentId, CancellationToken ct)
    {
        var context = await this.contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            return await context.Approvals.CountAsync(a => a.PaymentId == paymentId, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Records <paramref name="approver"/>'s approval of the payment's release (once per approver; trimmed) while the
    /// payment is not terminal, and appends an <see cref="TimelineEventKind.Approved"/> event. The count returned
    /// includes every approval so far, so the caller knows when the release may go ahead.
    /// </summary>
    public Task<ApprovalResult> ApproveAsync(string paymentId, string approver, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(approver);
        var who = approver.Trim();
        var now = this.Now();
        return this.contexts.InTransactionAsync(async context =>
        {
            // Locking the payment row serializes approvers, so each sees the count including the others.
            var payment = (await context.Payments.FromSqlRaw(LockPaymentSql, paymentId).AsNoTracking().ToListAsync(ct).ConfigureAwait(false))
                .SingleOrDefault();
            if (payment is null)
            {
                return new ApprovalResult(ApprovalOutcome.NotFound, 0, 0);
            }

            var count = await CountApprovalsAsync(context, paymentId, ct).ConfigureAwait(false);
            if (payment.Status.IsTerminal())
            {
                return new ApprovalResult(ApprovalOutcome.NotApprovable, count, payment.RequiredApprovals);
            }

            var inserted = await context.Database.ExecuteSqlRawAsync(InsertApprovalSql, [paymentId, who, now], ct).ConfigureAwait(false);
            if (inserted == 0)
            {
                return new ApprovalResult(ApprovalOutcome.AlreadyApprovedByThisApprover, count, payment.RequiredApprovals);
            }

            count++;
            var entry = new TimelineEntry(
                $"approved:{who}",
                TimelineEventKind.Approved,
                new Dictionary<string, string>
                {
                    [TimelineData.Actor] = who,
                    [TimelineData.Count] = count.ToString(CultureInfo.InvariantCulture),
                    [TimelineData.Required] = payment.RequiredApprovals.ToString(CultureInfo.InvariantCulture),
                });
            await InsertTimelineAsync(context, paymentId, entry, now, ct).ConfigureAwait(false);
            await TouchAsync(context, paymentId, now, ct).ConfigureAwait(false);
            return new ApprovalResult(ApprovalOutcome.Recorded, count, payment.RequiredApprovals);
        }, ct);
    }

    private static Task<int> CountApprovalsAsync(PaymentsDbContext context, string paymentId, CancellationToken ct) =>
        context.Approvals.CountAsync(a => a.PaymentId == paymentId, ct);
}
