using PaymentFunctions.Payments.Domain;
using PaymentFunctions.Payments.Persistence;

namespace PaymentFunctions.Payments.Tests.Persistence;

public sealed class PaymentStoreLookupTests(PaymentsDatabaseFixture db) : IClassFixture<PaymentsDatabaseFixture>
{
    private readonly PaymentStore store = db.Store;

    [Fact]
    public async Task FindByIdempotencyKey_returns_the_payment_the_key_created()
    {
        var key = Guid.NewGuid().ToString();
        var created = await this.store.CreateAsync(PaymentsDatabaseFixture.Request(610m), key, CancellationToken.None);

        var found = await this.store.FindByIdempotencyKeyAsync(key, CancellationToken.None);

        Assert.Equal(created.Payment.Id, found!.Id);
        Assert.Single(found.Timeline);
        Assert.Null(await this.store.FindByIdempotencyKeyAsync(Guid.NewGuid().ToString(), CancellationToken.None));
    }

    [Fact]
    public async Task FindByDepositTransaction_returns_the_payment_the_transaction_funded()
    {
        var id = await db.CreatePaymentAsync(620m);
        var transaction = "juno-tx-" + Guid.NewGuid().ToString("N");
        Assert.Null(await this.store.FindByDepositTransactionAsync(transaction, CancellationToken.None));

        await this.store.ClaimDepositAsync(id, transaction, CancellationToken.None);

        Assert.Equal(id, (await this.store.FindByDepositTransactionAsync(transaction, CancellationToken.None))!.Id);
    }

    [Fact]
    public async Task RecordObservation_appends_once_without_counting_as_progress()
    {
        var clock = new ManualClock(new DateTimeOffset(2019, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var timed = db.CreateStore(clock);
        var id = (await timed.CreateAsync(PaymentsDatabaseFixture.Request(), null, CancellationToken.None)).Payment.Id;
        clock.Advance(TimeSpan.FromHours(3));
        var stuck = new TimelineEntry("stuck", TimelineEventKind.Stuck, new Dictionary<string, string>());

        Assert.True(await timed.RecordObservationAsync(id, stuck, CancellationToken.None));
        Assert.False(await timed.RecordObservationAsync(id, stuck, CancellationToken.None));

        Assert.Contains(await timed.ListStaleAsync(TimeSpan.FromHours(1), CancellationToken.None), p => p.Id == id);
        Assert.Single((await timed.FindAsync(id, CancellationToken.None))!.Timeline, e => e.Kind == TimelineEventKind.Stuck);
        await Assert.ThrowsAsync<PaymentNotFoundException>(() => timed.RecordObservationAsync(PaymentId.New(), stuck, CancellationToken.None));
    }
}
