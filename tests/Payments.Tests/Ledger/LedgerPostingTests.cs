using PaymentFunctions.Payments.Ledger;
using PaymentFunctions.Payments.Persistence;
using PaymentFunctions.Payments.Tests.Persistence;

namespace PaymentFunctions.Payments.Tests.Ledger;

public sealed class LedgerPostingTests(PaymentsDatabaseFixture db) : IClassFixture<PaymentsDatabaseFixture>
{
    private readonly PaymentStore store = db.Store;

    [Fact]
    public async Task Happy_path_leaves_internal_accounts_at_zero_and_moves_the_amount_from_buyer_to_seller()
    {
        var id = await this.CreateAsync(1234.50m);
        LedgerMovement[] path =
        [
            LedgerMovement.BuyerDeposit, LedgerMovement.MxnbIssued, LedgerMovement.WithdrawnToBridge, LedgerMovement.EscrowFunded,
            LedgerMovement.EscrowReleased, LedgerMovement.Redeemed, LedgerMovement.PaidOut,
        ];

        foreach (var movement in path)
        {
            Assert.True(await this.store.PostLedgerAsync(id, movement, 1234.50m, movement.ToString(), CancellationToken.None));
        }

        var balances = await this.store.GetBalancesAsync(id, CancellationToken.None);
        Assert.Equal(LedgerAccount.All.Order(), balances.Keys.Order());
        Assert.All(LedgerAccount.All.Where(LedgerAccount.IsInternal), a => Assert.Equal(0m, balances[a]));
        Assert.Equal(1234.50m, balances[LedgerAccount.SellerBank]);
        Assert.Equal(-1234.50m, balances[LedgerAccount.BuyerBank]);
    }

    [Fact]
    public async Task Refund_path_returns_the_amount_to_the_buyer_and_leaves_everything_at_zero()
    {
        var id = await this.CreateAsync(800m);
        LedgerMovement[] path =
        [
            LedgerMovement.BuyerDeposit, LedgerMovement.MxnbIssued, LedgerMovement.WithdrawnToBridge, LedgerMovement.EscrowFunded,
            LedgerMovement.EscrowRefunded, LedgerMovement.ReturnedToJuno, LedgerMovement.Redeemed, LedgerMovement.RefundedToBuyer,
        ];

        foreach (var movement in path)
        {
            await this.store.PostLedgerAsync(id, movement, 800m, movement.ToString(), CancellationToken.None);
        }

        var balances = await this.store.GetBalancesAsync(id, CancellationToken.None);
        Assert.All(LedgerAccount.All, a => Assert.Equal(0m, balances[a]));
    }

    [Fact]
    public async Task Midway_the_value_sits_in_the_escrow()
    {
        var id = await this.CreateAsync(300m);
        foreach (var movement in new[] { LedgerMovement.BuyerDeposit, LedgerMovement.MxnbIssued, LedgerMovement.WithdrawnToBridge, LedgerMovement.EscrowFunded })
        {
            await this.store.PostLedgerAsync(id, movement, 300m, movement.ToString(), CancellationToken.None);
        }

        var balances = await this.store.GetBalancesAsync(id, CancellationToken.None);

        Assert.Equal(300m, balances[LedgerAccount.EscrowMxnb]);
        Assert.Equal(-300m, balances[LedgerAccount.BuyerBank]);
        Assert.Equal(0m, balances[LedgerAccount.JunoMxn] + balances[LedgerAccount.JunoMxnb] + balances[LedgerAccount.BridgeMxnb]);
    }

    [Fact]
    public async Task Posting_is_idempotent_by_key_within_a_payment()
    {
        var id = await this.CreateAsync(50m);
        var other = await this.CreateAsync(50m);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Task.Run(() => this.store.PostLedgerAsync(id, LedgerMovement.BuyerDeposit, 50m, "deposit", CancellationToken.None))));
        var otherPayment = await this.store.PostLedgerAsync(other, LedgerMovement.BuyerDeposit, 50m, "deposit", CancellationToken.None);

        Assert.Single(results, r => r);
        Assert.True(otherPayment);
        Assert.Equal(50m, (await this.store.GetBalancesAsync(id, CancellationToken.None))[LedgerAccount.JunoMxn]);
        Assert.Equal(50m, (await this.store.GetBalancesAsync(other, CancellationToken.None))[LedgerAccount.JunoMxn]);
    }

    [Fact]
    public async Task The_sum_over_all_entries_is_always_zero()
    {
        var random = new Random(20261121);
        var movements = Enum.GetValues<LedgerMovement>();
        var ids = new[] { await this.CreateAsync(10m), await this.CreateAsync(20m), await this.CreateAsync(30m) };
        for (var i = 0; i < 40; i++)
        {
            var amount = random.Next(1, 1_000_000) / 100m;
            await this.store.PostLedgerAsync(ids[random.Next(ids.Length)], movements[random.Next(movements.Length)], amount, $"random-{i}", CancellationToken.None);

            var all = await this.store.GetBalancesAsync(null, CancellationToken.None);
            Assert.Equal(0m, all.Values.Sum());
        }

        foreach (var id in ids)
        {
            Assert.Equal(0m, (await this.store.GetBalancesAsync(id, CancellationToken.None)).Values.Sum());
        }
    }

    [Fact]
    public async Task Posting_for_an_unknown_payment_throws()
    {
        await Assert.ThrowsAsync<PaymentNotFoundException>(() =>
            this.store.PostLedgerAsync(Payments.Domain.PaymentId.New(), LedgerMovement.BuyerDeposit, 1m, "x", CancellationToken.None));
    }

    private Task<string> CreateAsync(decimal amount) => db.CreatePaymentAsync(amount);
}
