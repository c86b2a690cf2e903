using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PaymentFunctions.Payments.Persistence;
using PaymentFunctions.Rules.Persistence;

namespace PaymentFunctions.Rules.Audit;

/// <summary>
/// The append-only, tamper-evident audit log. Appends take a transaction-scoped advisory lock, so entries get
/// consecutive sequence numbers and each one hashes the previous entry's hash; the table refuses UPDATE and DELETE
/// (a trigger), and <see cref="VerifyAsync"/> recomputes the chain, so a row changed behind the trigger is found.
/// </summary>
public sealed class AuditLog(IDbContextFactory<RulesDbContext> contexts, TimeProvider time)
{
    /// <summary>The hash the first entry chains to.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>ASCII "ruleaudt": the advisory lock that serializes appends.</summary>
    private const long AppendLockKey = 0x72756C6561756474;

    public Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken ct) =>
        contexts.InTransactionAsync(context => this.AppendAsync(context, record, ct), ct);

    /// <summary>Appends inside the caller's transaction, so the entry commits with the change it records.</summary>
    internal async Task<AuditEntry> AppendAsync(RulesDbContext context, AuditRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        await context.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AppendLockKey})", ct).ConfigureAwait(false);
        var last = await context.AuditLog.AsNoTracking().OrderByDescending(a => a.Sequence).Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var sequence = (last?.Sequence ?? 0) + 1;
        var previous = last?.Hash ?? Genesis;

        // PostgreSQL keeps microseconds: hash the instant as it will be read back.
        var now = time.GetUtcNow();
        var at = new DateTimeOffset(now.Ticks - (now.Ticks % 10), TimeSpan.Zero);
        var entry = new AuditEntry
        {
            Sequence = sequence,
            RuleId = record.RuleId,
            ExecutionId = record.ExecutionId,
            At = at,
            UserId = record.UserId,
            Kind = record.Kind,
            PreState = record.PreState,
            Details = record.Details,
            PostState = record.PostState,
            PreviousHash = previous,
            Hash = HashOf(sequence, previous, at, record),
        };
        context.AuditLog.Add(entry);
        await context.SaveChangesAsync(ct).ConfigureAwait(false);
        return entry;
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string? ruleId, int limit, CancellationToken ct)
    {
        var context = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var query = context.AuditLog.AsNoTracking();
            if (ruleId is not null)
            {
                query = query.Where(a => a.RuleId == ruleId);
            }

            return await query.OrderBy(a => a.Sequence).Take(limit).ToListAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>Recomputes every entry's hash and link in order; the first mismatch (or gap) is reported.</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct)
    {
        var context = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var previous = Genesis;
            long expected = 1;
            await foreach (var entry in context.AuditLog.AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(ct).ConfigureAwait(false))
            {
                var record = new AuditRecord(entry.RuleId, entry.ExecutionId, entry.UserId, entry.Kind, entry.PreState, entry.Details, entry.PostState);
                var reason = entry.Sequence != expected ? $"entry {expected} is missing"
                    : entry.PreviousHash != previous ? "its previous hash does not match the entry before"
                    : entry.Hash != HashOf(entry.Sequence, previous, entry.At, record) ? "its contents do not match its hash"
                    : null;
                if (reason is not null)
                {
                    return new AuditVerification(false, expected - 1, entry.Sequence, reason);
                }

                previous = entry.Hash;
                expected++;
            }

            return new AuditVerification(true, expected - 1, null, null);
        }
    }

    /// <summary>SHA-256 over every field, length-prefixed so no two different entries can write the same bytes.</summary>
    internal static string HashOf(long sequence, string previous, DateTimeOffset at, AuditRecord record)
    {
        var text = new StringBuilder();
        foreach (var field in new[]
        {
            sequence.ToString(CultureInfo.InvariantCulture), previous, at.UtcTicks.ToString(CultureInfo.InvariantCulture), record.RuleId,
            record.ExecutionId ?? "", record.UserId, record.Kind, record.PreState, record.Details, record.PostState,
        })
        {
            text.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('|');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
