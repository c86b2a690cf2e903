using PaymentFunctions.Payments.Domain;
using PaymentFunctions.Payments.Persistence;

namespace PaymentFunctions.Payments.Tests.Persistence;

public sealed class PaymentStoreDepositTests(PaymentsDatabaseFixture db) : IClassFixture<PaymentsDatabaseFixture>
{
    private readonly PaymentStore store = db.Store;

    [Fact]
    public async Task FindAwaitingDeposit_matches_clabe_and_amount_of_unclaimed_payments_oldest_first()
    {
        var clabe = TestClabes.Next();
        var first = await this.CreateAsync(500m, clabe);
        var second = await this.CreateAsync(500m, clabe);
        await this.CreateAsync(501m, clabe);
        await this.CreateAsync(500m, TestClabes.Next());
        var claimed = await this.CreateAsync(500m, clabe);
        Assert.True(await this.store.ClaimDepositAsync(claimed, NewTransactionId(), CancellationToken.None));

        var found = await this.store.FindAwaitingDepositAsync(clabe, 500.00m, CancellationToken.None);

        Assert.Equal([first, second], found.Select(p => p.Id));
    }

    [Fact]
    public async Task Claim_funds_the_payment_once_and_records_the_match_once()
    {
        var id = await this.CreateAsync(750m);
        var transaction = NewTransactionId();

        Assert.True(await this.store.ClaimDepositAsync(id, transaction, CancellationToken.None));
        Assert.False(await this.store.ClaimDepositAsync(id, transaction, CancellationToken.None));
        Assert.False(await this.store.ClaimDepositAsync(id, NewTransactionId(), CancellationToken.None));

        var payment = await this.store.FindAsync(id, CancellationToken.None);
        Assert.NotNull(payment);
        Assert.Equal(transaction, payment.DepositTransactionId);
        Assert.Equal(PaymentStatus.Funding, payment.Status);
        var matched = Assert.Single(payment.Timeline, e => e.Kind == TimelineEventKind.DepositMatched);
        Assert.Equal(PaymentStore.DepositMatchedKey, matched.Key);
        Assert.Equal(transaction, matched.Data[TimelineData.TransactionId]);
        Assert.Equal("750.00", matched.Data[TimelineData.AmountMxn]);
    }

    [Fact]
    public async Task Claim_of_one_transaction_for_two_payments_funds_only_the_first()
    {
        var transaction = NewTransactionId();
        var first = await this.CreateAsync(120m);
        var second = await this.CreateAsync(120m);

        Assert.True(await this.store.ClaimDepositAsync(first, transaction, CancellationToken.None));
        Assert.False(await this.store.ClaimDepositAsync(second, transaction, CancellationToken.None));

        var unfunded = await this.store.FindAsync(second, CancellationToken.None);
        Assert.Equal(PaymentStatus.AwaitingDeposit, unfunded!.Status);
        Assert.Null(unfunded.DepositTransactionId);
        Assert.DoesNotContain(unfunded.Timeline, e => e.Kind == TimelineEventKind.DepositMatched);
    }

    [Fact]
    public async Task Two_claimers_of_one_payment_at_once_one_wins()
    {
        for (var round = 0; round < 5; round++)
        {
            var id = await this.CreateAsync(130m);

            var results = await Task.WhenAll(
                Task.Run(() => this.store.ClaimDepositAsync(id, NewTransactionId(), CancellationToken.None)),
                Task.Run(() => this.store.ClaimDepositAsync(id, NewTransactionId(), CancellationToken.None)));

            Assert.Single(results, r => r);
            var payment = await this.store.FindAsync(id, CancellationToken.None);
            Assert.Single(payment!.Timeline, e => e.Kind == TimelineEventKind.DepositMatched);
        }
    }

    [Fact]
    public async Task Two_payments_claiming_one_transaction_at_once_one_wins()
    {
        for (var round = 0; round < 5; round++)
        {
            var transaction = NewTransactionId();
            var first = await this.CreateAsync(140m);
            var second = await this.CreateAsync(140m);

            var results = await Task.WhenAll(
                Task.Run(() => this.store.ClaimDepositAsync(first, transaction, CancellationToken.None)),
                Task.Run(() => this.store.ClaimDepositAsync(second, transaction, CancellationToken.None)));

            Assert.Single(results, r => r);
            var funded = await Task.WhenAll(this.store.FindAsync(first, CancellationToken.None), this.store.FindAsync(second, CancellationToken.None));
            Assert.Single(funded, p => p!.DepositTransactionId == transaction);
        }
    }

    [Fact]
    public async Task Claim_refuses_a_payment_no_longer_awaiting_deposit()
    {
        var id = await this.CreateAsync(150m);
        await this.store.SetStatusAsync(id, PaymentStatus.Expired, null, CancellationToken.None);

        Assert.False(await this.store.ClaimDepositAsync(id, NewTransactionId(), CancellationToken.None));
        Assert.False(await this.store.ClaimDepositAsync(PaymentId.New(), NewTransactionId(), CancellationToken.None));
    }

    [Fact]
    public async Task ExpireIfUnfunded_expires_only_payments_no_deposit_claimed()
    {
        var unfunded = await this.CreateAsync(160m);
        var funded = await this.CreateAsync(160m);
        await this.store.ClaimDepositAsync(funded, NewTransactionId(), CancellationToken.None);
        var entry = new TimelineEntry("expired", TimelineEventKind.Expired, new Dictionary<string, string>());

        Assert.True(await this.store.ExpireIfUnfundedAsync(unfunded, entry, CancellationToken.None));
        Assert.False(await this.store.ExpireIfUnfundedAsync(funded, entry, CancellationToken.None));

        var expired = await this.store.FindAsync(unfunded, CancellationToken.None);
        Assert.Equal(PaymentStatus.Expired, expired!.Status);
        Assert.Contains(expired.Timeline, e => e.Kind == TimelineEventKind.Expired);
        var stillFunding = await this.store.FindAsync(funded, CancellationToken.None);
        Assert.Equal(PaymentStatus.Funding, stillFunding!.Status);
        Assert.DoesNotContain(stillFunding.Timeline, e => e.Kind == TimelineEventKind.Expired);
    }

    private Task<string> CreateAsync(decimal amount, string? depositClabe = null) => db.CreatePaymentAsync(amount, depositClabe);

    private static string NewTransactionId() => "juno-tx-" + Guid.NewGuid().ToString("N");
}
