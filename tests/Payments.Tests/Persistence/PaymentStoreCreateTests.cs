using PaymentFunctions.Payments.Domain;
using PaymentFunctions.Payments.Persistence;

namespace PaymentFunctions.Payments.Tests.Persistence;

public sealed class PaymentStoreCreateTests(PaymentsDatabaseFixture db) : IClassFixture<PaymentsDatabaseFixture>
{
    private readonly PaymentStore store = db.Store;

    [Fact]
    public async Task Create_stores_the_payment_awaiting_deposit_with_its_created_event()
    {
        var request = PaymentsDatabaseFixture.Request(1234.5m);

        var creation = await this.store.CreateAsync(request, null, CancellationToken.None);

        Assert.True(creation.Created);
        Assert.True(PaymentId.IsValid(creation.Payment.Id));
        var found = await this.store.FindAsync(creation.Payment.Id, CancellationToken.None);
        Assert.NotNull(found);
        Assert.Equal(1234.50m, found.AmountMxn);
        Assert.Equal(request.SellerClabe, found.SellerClabe);
        Assert.Equal(request.BuyerRefundClabe, found.BuyerRefundClabe);
        Assert.Equal(request.DepositClabe, found.DepositClabe);
        Assert.Equal(request.Deadline, found.Deadline);
        Assert.Equal(request.CustodyEnd, found.CustodyEnd);
        Assert.Equal(PaymentStatus.AwaitingDeposit, found.Status);
        Assert.Equal(creation.Payment.CreatedAt, found.CreatedAt);
        Assert.NotEqual(0u, found.Version);
        var created = Assert.Single(found.Timeline);
        Assert.Equal(TimelineEventKind.Created, created.Kind);
        Assert.Equal("1234.50", created.Data[TimelineData.AmountMxn]);
        Assert.Equal(request.DepositClabe, created.Data[TimelineData.Clabe]);
        Assert.Null(found.Escrow);
        Assert.Empty(found.Approvals);
    }

    [Fact]
    public async Task Create_with_the_same_key_and_request_returns_the_original()
    {
        var key = Guid.NewGuid().ToString();
        var request = PaymentsDatabaseFixture.Request(200m);

        var first = await this.store.CreateAsync(request, key, CancellationToken.None);
        var again = await this.store.CreateAsync(request with { AmountMxn = 200.00m }, key, CancellationToken.None);

        Assert.True(first.Created);
        Assert.False(again.Created);
        Assert.Equal(first.Payment.Id, again.Payment.Id);
        Assert.Single(again.Payment.Timeline);
    }

    [Fact]
    public async Task Create_with_the_same_key_and_a_different_request_throws()
    {
        var key = Guid.NewGuid().ToString();
        var request = PaymentsDatabaseFixture.Request(300m);
        var first = await this.store.CreateAsync(request, key, CancellationToken.None);

        var error = await Assert.ThrowsAsync<IdempotencyKeyReusedException>(
            () => this.store.CreateAsync(request with { AmountMxn = 301m }, key, CancellationToken.None));

        Assert.Equal(first.Payment.Id, error.PaymentId);
    }

    [Fact]
    public async Task Create_racing_with_one_key_creates_one_payment()
    {
        var key = Guid.NewGuid().ToString();
        var request = PaymentsDatabaseFixture.Request(450m);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => this.store.CreateAsync(request, key, CancellationToken.None))));

        Assert.Single(results, r => r.Created);
        Assert.Single(results.Select(r => r.Payment.Id).Distinct());
    }

    [Fact]
    public async Task Create_without_a_key_always_creates()
    {
        var request = PaymentsDatabaseFixture.Request(99.99m);

        var first = await this.store.CreateAsync(request, null, CancellationToken.None);
        var second = await this.store.CreateAsync(request, null, CancellationToken.None);

        Assert.NotEqual(first.Payment.Id, second.Payment.Id);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(10.001)]
    public async Task Create_rejects_amounts_that_are_not_positive_centavos(double amount)
    {
        var request = PaymentsDatabaseFixture.Request() with { AmountMxn = (decimal)amount };

        await Assert.ThrowsAsync<ArgumentException>(() => this.store.CreateAsync(request, null, CancellationToken.None));
    }

    [Fact]
    public async Task Create_rejects_a_clabe_that_is_not_18_digits()
    {
        var request = PaymentsDatabaseFixture.Request() with { SellerClabe = "12345" };

        await Assert.ThrowsAsync<ArgumentException>(() => this.store.CreateAsync(request, null, CancellationToken.None));
    }

    [Fact]
    public async Task Find_returns_null_for_an_unknown_payment()
    {
        Assert.Null(await this.store.FindAsync(PaymentId.New(), CancellationToken.None));
    }

    [Fact]
    public async Task List_filters_by_status_newest_first_and_honours_the_limit()
    {
        var clock = new ManualClock(new DateTimeOffset(2031, 3, 1, 0, 0, 0, TimeSpan.Zero));
        var timed = db.CreateStore(clock);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await timed.CreateAsync(PaymentsDatabaseFixture.Request(), null, CancellationToken.None)).Payment.Id);
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        await timed.SetStatusAsync(ids[1], PaymentStatus.Failed, null, CancellationToken.None);

        var newest = await this.store.ListAsync(null, 2, CancellationToken.None);
        Assert.Equal([ids[2], ids[1]], newest.Select(p => p.Id));
        var failed = await this.store.ListAsync(PaymentStatus.Failed, 100, CancellationToken.None);
        Assert.Contains(failed, p => p.Id == ids[1]);
        Assert.All(failed, p => Assert.Equal(PaymentStatus.Failed, p.Status));
    }
}
