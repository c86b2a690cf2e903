using PaymentFunctions.Payments.Domain;
using PaymentFunctions.Payments.Persistence;

namespace PaymentFunctions.Payments.Tests.Persistence;

public sealed class PaymentStoreTimelineTests(PaymentsDatabaseFixture db) : IClassFixture<PaymentsDatabaseFixture>
{
    private readonly PaymentStore store = db.Store;

    [Fact]
    public async Task SetStatus_changes_the_status_and_appends_its_entry_once()
    {
        var id = await this.CreateAsync();
        var entry = new TimelineEntry("custody-started", TimelineEventKind.CustodyStarted, new Dictionary<string, string> { [TimelineData.Until] = "2030-01-15T12:00:00Z" });

        await this.store.SetStatusAsync(id, PaymentStatus.InCustody, entry, CancellationToken.None);
        await this.store.SetStatusAsync(id, PaymentStatus.InCustody, entry, CancellationToken.None);

        var payment = await this.store.FindAsync(id, CancellationToken.None);
        Assert.Equal(PaymentStatus.InCustody, payment!.Status);
        var custody = Assert.Single(payment.Timeline, e => e.Kind == TimelineEventKind.CustodyStarted);
        Assert.Equal("2030-01-15T12:00:00Z", custody.Data[TimelineData.Until]);
        Assert.True(payment.UpdatedAt >= payment.CreatedAt);
    }

    [Fact]
    public async Task SetStatus_of_an_unknown_payment_throws_and_writes_nothing()
    {
        var missing = PaymentId.New();

        await Assert.ThrowsAsync<PaymentNotFoundException>(() => this.store.SetStatusAsync(
            missing, PaymentStatus.Failed, new TimelineEntry("failed", TimelineEventKind.Failed, new Dictionary<string, string>()), CancellationToken.None));
    }

    [Fact]
    public async Task AppendTimeline_is_idempotent_by_key_and_keeps_data_and_time()
    {
        var id = await this.CreateAsync();
        var at = new DateTimeOffset(2030, 1, 1, 8, 30, 0, TimeSpan.FromHours(-6));
        var data = new Dictionary<string, string> { [TimelineData.TransactionHash] = "0xabc", [TimelineData.EscrowId] = "7" };

        Assert.True(await this.store.AppendTimelineAsync(id, new TimelineEntry("escrow-created", TimelineEventKind.EscrowCreated, data, at), CancellationToken.None));
        Assert.False(await this.store.AppendTimelineAsync(id, new TimelineEntry("escrow-created", TimelineEventKind.EscrowCreated, data, at), CancellationToken.None));
        Assert.True(await this.store.AppendTimelineAsync(id, new TimelineEntry("stuck-1", TimelineEventKind.Stuck, new Dictionary<string, string>()), CancellationToken.None));

        var payment = await this.store.FindAsync(id, CancellationToken.None);
        var escrowCreated = Assert.Single(payment!.Timeline, e => e.Kind == TimelineEventKind.EscrowCreated);
        Assert.Equal(data, escrowCreated.Data);
        Assert.Equal(at, escrowCreated.OccurredAt);
        Assert.Equal(TimeSpan.Zero, escrowCreated.OccurredAt.Offset);
    }

    [Fact]
    public async Task Timeline_is_read_in_time_order_then_insertion_order()
    {
        var id = await this.CreateAsync();
        var early = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await this.store.AppendTimelineAsync(id, new TimelineEntry("b", TimelineEventKind.Disputed, new Dictionary<string, string>(), early), CancellationToken.None);
        await this.store.AppendTimelineAsync(id, new TimelineEntry("a", TimelineEventKind.DisputeResolved, new Dictionary<string, string>(), early), CancellationToken.None);

        var payment = await this.store.FindAsync(id, CancellationToken.None);

        Assert.Equal(["b", "a", "created"], payment!.Timeline.Select(e => e.Key));
    }

    [Fact]
    public async Task AppendTimeline_to_an_unknown_payment_throws()
    {
        await Assert.ThrowsAsync<PaymentNotFoundException>(() => this.store.AppendTimelineAsync(
            PaymentId.New(), new TimelineEntry("x", TimelineEventKind.Stuck, new Dictionary<string, string>()), CancellationToken.None));
    }

    [Fact]
    public async Task ListStale_returns_non_terminal_payments_without_recent_progress()
    {
        var clock = new ManualClock(new DateTimeOffset(2020, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var timed = db.CreateStore(clock);
        var idle = (await timed.CreateAsync(PaymentsDatabaseFixture.Request(), null, CancellationToken.None)).Payment.Id;
        var finished = (await timed.CreateAsync(PaymentsDatabaseFixture.Request(), null, CancellationToken.None)).Payment.Id;
        var progressing = (await timed.CreateAsync(PaymentsDatabaseFixture.Request(), null, CancellationToken.None)).Payment.Id;
        await timed.SetStatusAsync(finished, PaymentStatus.Completed, null, CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(2));
        await timed.AppendTimelineAsync(progressing, new TimelineEntry("withdrawal", TimelineEventKind.WithdrawalRequested, new Dictionary<string, string>()), CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(30));

        var stale = await timed.ListStaleAsync(TimeSpan.FromHours(1), CancellationToken.None);

        Assert.Contains(stale, p => p.Id == idle);
        Assert.DoesNotContain(stale, p => p.Id == finished);
        Assert.DoesNotContain(stale, p => p.Id == progressing);
        Assert.All(stale, p => Assert.False(p.Status.IsTerminal()));
    }

    private Task<string> CreateAsync() => db.CreatePaymentAsync();
}
