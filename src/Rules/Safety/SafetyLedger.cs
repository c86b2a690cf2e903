using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PaymentFunctions.Payments.Persistence;
using PaymentFunctions.Rules.Persistence;

namespace PaymentFunctions.Rules.Safety;

/// <summary>
/// Enforces <see cref="SafetyLimits"/> against what has actually executed. A reservation checks every limit and
/// records the execution's transfers in one transaction under an advisory lock, so two executions racing for the last
/// of a daily limit are checked one after the other and the second sees the first. Reserved transfers count until
/// they are sent (then they stay) or released (an execution that never sent them). Given the source's balance, a
/// reservation also needs it to cover the execution and every transfer other executions reserved and have not sent,
/// so an allocation is refused whole rather than failing halfway for want of funds.
/// </summary>
public sealed class SafetyLedger(IDbContextFactory<RulesDbContext> contexts, IOptions<SafetyLimits> limits, TimeProvider time)
{
    /// <summary>ASCII "rulesafe": serializes reservations.</summary>
    private const long ReserveLockKey = 0x72756C6573616665;

    public async Task<SafetyDecision> TryReserveAsync(SpendRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var l = limits.Value;
        var now = time.GetUtcNow();
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        return await contexts.InTransactionAsync(async context =>
        {
            await context.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({ReserveLockKey})", ct).ConfigureAwait(false);

            // A retried reservation finds its own rows: decided already.
            var mine = await context.Spend.Where(s => s.ExecutionId == request.ExecutionId).ToListAsync(ct).ConfigureAwait(false);
            if (mine.Count > 0)
            {
                return mine.All(s => s.Status == SpendStatus.Released)
                    ? SafetyDecision.Refuse("released", "The execution's reservation was released.")
                    : SafetyDecision.Allow;
            }

            var decision = await CheckAsync(context, request, l, now, day, ct).ConfigureAwait(false);
            if (!decision.Allowed)
            {
                return decision;
            }

            context.Spend.AddRange(request.Transfers.Select(t => new SpendEntry
            {
                ExecutionId = request.ExecutionId,
                TransferIndex = t.Index,
                RuleId = request.RuleId,
                Recipient = t.To,
                Amount = t.Amount,
                Day = day,
                At = now,
                Status = SpendStatus.Reserved,
            }));
            await context.SaveChangesAsync(ct).ConfigureAwait(false);
            return SafetyDecision.Allow;
        }, ct).ConfigureAwait(false);
    }

    /// <summary>Marks one transfer as sent: it counts for good. False when it was marked already (a retry).</summary>
    public async Task<bool> MarkSentAsync(string executionId, int index, CancellationToken ct) =>
        await this.SetAsync(executionId, s => s.TransferIndex == index && s.Status == SpendStatus.Reserved, SpendStatus.Sent, ct).ConfigureAwait(false) > 0;

    /// <summary>Gives back every transfer of the execution that was not sent.</summary>
    public Task ReleaseAsync(string executionId, CancellationToken ct) =>
        this.SetAsync(executionId, s => s.Status == SpendStatus.Reserved, SpendStatus.Released, ct);

    private async Task<int> SetAsync(string executionId, System.Linq.Expressions.Expression<Func<SpendEntry, bool>> which, SpendStatus status, CancellationToken ct)
    {
        var context = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            return await context.Spend.Where(s => s.ExecutionId == executionId).Where(which)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, status), ct).ConfigureAwait(false);
        }
    }

    private static async Task<SafetyDecision> CheckAsync(RulesDbContext context, SpendRequest request, SafetyLimits l, DateTimeOffset now, DateOnly day, CancellationToken ct)
    {
        if (request.Transfers.FirstOrDefault(t => t.Amount > l.SinglePaymentMax) is { } large)
        {
            return SafetyDecision.Refuse(SafetyLimits.Names.SinglePaymentMax, $"Transfer {large.Index} of {large.Amount} MXNB exceeds the single payment maximum of {l.SinglePaymentMax}.");
        }

        var adding = request.Transfers.Sum(t => t.Amount);
        if (request.SourceBalance is { } balance)
        {
            // A transfer mined but not yet marked sent is both gone from the balance and still pending: counted twice, which errs safe.
            var pending = await context.Spend.AsNoTracking().Where(s => s.Status == SpendStatus.Reserved).SumAsync(s => s.Amount, ct).ConfigureAwait(false);
            if (balance - pending < adding)
            {
                return SafetyDecision.Refuse(
                    SafetyLimits.Names.SourceBalance,
                    $"The source holds {balance} MXNB and {pending} of it is reserved by executions still sending; {adding} more would overdraw it.");
            }
        }

        var counted = context.Spend.AsNoTracking().Where(s => s.Status != SpendStatus.Released);
        var since = now.AddMinutes(-l.MinIntervalMinutes);
        if (await counted.AnyAsync(s => s.RuleId == request.RuleId && s.At > since, ct).ConfigureAwait(false))
        {
            return SafetyDecision.Refuse(SafetyLimits.Names.MinIntervalMinutes, $"The rule executed less than {l.MinIntervalMinutes} minutes ago.");
        }

        var today = counted.Where(s => s.Day == day);
        var executions = await today.Select(s => s.ExecutionId).Distinct().CountAsync(ct).ConfigureAwait(false);
        if (executions + 1 > l.MaxDailyExecutions)
        {
            return SafetyDecision.Refuse(SafetyLimits.Names.MaxDailyExecutions, $"{executions} executions ran today; the most is {l.MaxDailyExecutions}.");
        }

        var total = await today.SumAsync(s => s.Amount, ct).ConfigureAwait(false);
        if (total + adding > l.DailyTotalMax)
        {
            return SafetyDecision.Refuse(SafetyLimits.Names.DailyTotalMax, $"{total} MXNB were sent today; {adding} more would exceed the daily total maximum of {l.DailyTotalMax}.");
        }

        foreach (var recipient in request.Transfers.GroupBy(t => t.To, StringComparer.Ordinal))
        {
            var received = await today.Where(s => s.Recipient == recipient.Key).Select(s => s.Amount).ToListAsync(ct).ConfigureAwait(false);
            if (received.Sum() + recipient.Sum(t => t.Amount) > l.RecipientDailyMax)
            {
                return SafetyDecision.Refuse(SafetyLimits.Names.RecipientDailyMax, $"{recipient.Key} received {received.Sum()} MXNB today; {recipient.Sum(t => t.Amount)} more would exceed the recipient daily maximum of {l.RecipientDailyMax}.");
            }

            if (received.Count + recipient.Count() > l.MaxRecipientDaily)
            {
                return SafetyDecision.Refuse(SafetyLimits.Names.MaxRecipientDaily, $"{recipient.Key} received {received.Count} transfers today; the most is {l.MaxRecipientDaily}.");
            }
        }

        return SafetyDecision.Allow;
    }
}
