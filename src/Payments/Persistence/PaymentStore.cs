using Microsoft.EntityFrameworkCore;
using PaymentFunctions.Payments.Domain;

namespace PaymentFunctions.Payments.Persistence;

/// <summary>
/// Every read and write the product makes on payments. Each method is one short transaction, and every
/// append-style write is idempotent by key, so durable activities that run twice record once.
/// </summary>
public sealed partial class PaymentStore
{
    private const string CreatedKey = "created";
    private const int MaxListLimit = 1000;

    private static readonly PaymentStatus[] TerminalStatuses = [.. PaymentStatusExtensions.Terminal];

    private readonly IDbContextFactory<PaymentsDbContext> contexts;
    private readonly TimeProvider time;

    /// <summary>Creates the store over a context factory (see <see cref="PaymentsServiceCollectionExtensions.AddPaymentsDatabase"/>).</summary>
    public PaymentStore(IDbContextFactory<PaymentsDbContext> contexts, TimeProvider time)
    {
        this.contexts = contexts ?? throw new ArgumentNullException(nameof(contexts));
        this.time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>
    /// Creates a payment in <see cref="PaymentStatus.AwaitingDeposit"/> with its <see cref="TimelineEventKind.Created"/> event.
    /// With an idempotency key, a retry of the same request returns the original (<c>Created = false</c>), and the
    /// same key with a different request throws <see cref="IdempotencyKeyReusedException"/>.
    /// </summary>
    public async Task<PaymentCreation> CreateAsync(NewPayment request, string? idempotencyKey, CancellationToken ct)
    {
        Validate(request);
        var hash = PaymentRequestHash.Compute(request);
        if (idempotencyKey is not null)
        {
            var existing = await this.FindRetriedAsync(idempotencyKey, hash, ct).ConfigureAwait(false);
            if (existing is not null)
            {
                return new PaymentCreation(existing, false);
            }
        }

        var now = this.Now();
        var payment = new Payment
        {
            Id = PaymentId.New(this.time),
            AmountMxn = decimal.Round(request.AmountMxn, 2) + 0.00m,
            BuyerName = request.BuyerName,
            BuyerRefundClabe = request.BuyerRefundClabe,
            SellerName = request.SellerName,
            SellerClabe = request.SellerClabe,
            SellerBankAccountId = request.SellerBankAccountId,
            DepositClabe = request.DepositClabe,
            CustodyEnd = Utc(request.CustodyEnd),
            Deadline = Utc(request.Deadline),
            RequiredApprovals = request.RequiredApprovals,
            Status = PaymentStatus.AwaitingDeposit,
            IdempotencyKey = idempotencyKey,
            RequestHash = hash,
            CreatedAt = now,
            UpdatedAt = now,
        };
        payment.Timeline.Add(new TimelineEvent
        {
            Key = CreatedKey,
            Kind = TimelineEventKind.Created,
            OccurredAt = now,
            Data = new()
            {
                [TimelineData.AmountMxn] = payment.AmountMxn.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
                [TimelineData.Clabe] = payment.DepositClabe,
                [TimelineData.Until] = payment.Deadline.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            },
        });

        var context = await this.contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            context.Payments.Add(payment);
            try
            {
                await context.SaveChangesAsync(ct).ConfigureAwait(false);
            }
            catch (DbUpdateException ex) when (idempotencyKey is not null && PostgresErrors.IsUniqueViolation(ex, PaymentsModel.IdempotencyKeyIndex))
            {
                // A concurrent request with the same key won the insert: answer as its retry would.
                var winner = await this.FindRetriedAsync(idempotencyKey, hash, ct).ConfigureAwait(false);
                return new PaymentCreation(winner ?? throw new InvalidOperationException("The conflicting payment vanished.", ex), false);
            }
        }

        payment.Timeline.ForEach(e => e.PaymentId = payment.Id);
        return new PaymentCreation(payment, true);
    }

    /// <summary>The payment with its escrow, approvals and timeline (ordered by time, then id); null when unknown. Not tracked.</summary>
    public async Task<Payment?> FindAsync(string id, CancellationToken ct)
    {
        var context = await this.contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            return await context.Payments
                .AsNoTracking()
                .AsSplitQuery()
                .Include(p => p.Escrow)
                .Include(p => p.Approvals.OrderBy(a => a.ApprovedAt).ThenBy(a => a.Id))
                .Include(p => p.Timeline.OrderBy(t => t.OccurredAt).ThenBy(t => t.Id))
                .FirstOrDefaultAsync(p => p.Id == id, ct)
                .ConfigureAwait(false);
        }
    }

    /// <summary>The newest payments (with escrows), optionally only those in <paramref name="status"/>; at most <paramref name="limit"/> (1–1000).</summary>
    public async Task<IReadOnlyList<Payment>> ListAsync(PaymentStatus? status, int limit, CancellationToken ct)
    {
        var take = Math.Clamp(limit, 1, MaxListLimit);
        var context = await this.contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var query = context.Payments.AsNoTracking().Include(p => p.Escrow).AsQueryable();
            if (status is { } wanted)
            {
                query = query.Where(p => p.Status == wanted);
            }

            return await query.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).Take(take).ToListAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Payments waiting for a deposit of exactly <paramref name="amountMxn"/> into <paramref name="depositClabe"/> that no
    /// deposit has claimed yet, oldest first: the candidates a Juno ISSUANCE can fund.
    /// </summary>
    public async Task<IReadOnlyList<Payment>> FindAwaitingDepositAsync(string depositClabe, decimal amountMxn, CancellationToken ct)
    {
        var context = await this.contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            return await context.Payments
                .AsNoTracking()
                .Where(p => p.DepositClabe == depositClabe && p.AmountMxn == amountMxn
                    && p.Status == PaymentStatus.AwaitingDeposit && p.DepositTransactionId == null)
                .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)
                .ToListAsync(ct)
                .ConfigureAwait(false);
        }
    }

    /// <summary>Payments whose escrow is Funded or Disputed, with the escrow: what the chain sync compares with the contract.</summary>
    public async Task<IReadOnlyList<Payment>> ListActiveEscrowsAsync(CancellationToken ct)
    {
        var context = await this.contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            return await context.Payments
                .AsNoTracking()
                .Include(p => p.Escrow)
                .Where(p => p.Escrow != null && (p.Escrow.Status == EscrowStatus.Funded || p.Escrow.Status == EscrowStatus.Disputed))
                .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)
                .ToListAsync(ct)
                .ConfigureAwait(false);
        }
    }

    /// <summary>Non-terminal payments that recorded no progress for <paramref name="noProgressFor"/>: candidates for the stuck detector.</summary>
    public async Task<IReadOnlyList<Payment>> ListStaleAsync(TimeSpan noProgressFor, CancellationToken ct)
    {
        var cutoff = this.Now() - noProgressFor;
        var context = await this.contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            return await context.Payments
                .AsNoTracking()
                .Include(p => p.Escrow)
                .Where(p => !TerminalStatuses.Contains(p.Status) && p.UpdatedAt < cutoff)
                .OrderBy(p => p.UpdatedAt).ThenBy(p => p.Id)
                .ToListAsync(ct)
                .ConfigureAwait(false);
        }
    }

    /// <summary>Moves the payment to <paramref name="status"/> and appends <paramref name="entry"/> (if its key is new), atomically.</summary>
    /// <exception cref="PaymentNotFoundException">No such payment.</exception>
    public async Task SetStatusAsync(string paymentId, PaymentStatus status, TimelineEntry? entry, CancellationToken ct)
    {
        var now = this.Now();
        await this.contexts.InTransactionAsync(async context =>
        {
            var updated = await context.Payments
                .Where(p => p.Id == paymentId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, status).SetProperty(p => p.UpdatedAt, now), ct)
                .ConfigureAwait(false);
            if (updated == 0)
            {
                throw new PaymentNotFoundException(paymentId);
            }

            if (entry is not null)
            {
                await InsertTimelineAsync(context, paymentId, entry, now, ct).ConfigureAwait(false);
            }

            return true;
        }, ct).ConfigureAwait(false);
    }

    /// <summary>The payment the key created, if any; throws when it was created from a different request.</summary>
    private async Task<Payment?> FindRetriedAsync(string idempotencyKey, string hash, CancellationToken ct)
    {
        var existing = await this.FindByIdempotencyKeyAsync(idempotencyKey, ct).ConfigureAwait(false);
        return existing is null || string.Equals(existing.RequestHash, hash, StringComparison.Ordinal)
            ? existing
            : throw new IdempotencyKeyReusedException(existing.Id);
    }

    private static void Validate(NewPayment request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.AmountMxn <= 0m || decimal.Round(request.AmountMxn, 2) != request.AmountMxn)
        {
            throw new ArgumentException("The amount must be positive with at most two decimals.", nameof(request));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(request.BuyerName, nameof(request));
        ArgumentException.ThrowIfNullOrWhiteSpace(request.SellerName, nameof(request));
        ArgumentException.ThrowIfNullOrWhiteSpace(request.SellerBankAccountId, nameof(request));
        RequireClabe(request.SellerClabe, nameof(request.SellerClabe));
        RequireClabe(request.DepositClabe, nameof(request.DepositClabe));
        if (request.BuyerRefundClabe is not null)
        {
            RequireClabe(request.BuyerRefundClabe, nameof(request.BuyerRefundClabe));
        }

        if (request.RequiredApprovals < 0)
        {
            throw new ArgumentException("Required approvals cannot be negative.", nameof(request));
        }
    }

    private static void RequireClabe(string? value, string field)
    {
        if (value is not { Length: Banking.Clabes.Clabe.Length } || !value.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"{field} must be 18 digits.", field);
        }
    }

    private DateTimeOffset Now() => Utc(this.time.GetUtcNow());

    /// <summary>UTC, truncated to PostgreSQL's microseconds so what is returned equals what is read back.</summary>
    private static DateTimeOffset Utc(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % 10));
    }
}
