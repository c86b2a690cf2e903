using System.Numerics;
using PaymentFunctions.Payments.Domain;
using PaymentFunctions.Payments.Persistence;

namespace PaymentFunctions.Payments.Tests.Persistence;

public sealed class PaymentStoreEscrowTests(PaymentsDatabaseFixture db) : IClassFixture<PaymentsDatabaseFixture>
{
    private readonly PaymentStore store = db.Store;

    [Fact]
    public async Task SaveEscrow_inserts_then_overwrites_by_payment_keeping_the_creation_time()
    {
        var id = await this.CreateAsync();
        var amount = BigInteger.Parse("1500000000", System.Globalization.CultureInfo.InvariantCulture);
        await this.store.SaveEscrowAsync(NewEscrow(id, "1", amount), CancellationToken.None);
        var first = (await this.store.FindAsync(id, CancellationToken.None))!.Escrow!;

        await this.store.SaveEscrowAsync(NewEscrow(id, "2", amount * 2), CancellationToken.None);

        var escrow = (await this.store.FindAsync(id, CancellationToken.None))!.Escrow;
        Assert.NotNull(escrow);
        Assert.Equal("2", escrow.OnChainId);
        Assert.Equal(amount * 2, escrow.AmountBaseUnits);
        Assert.Equal(first.CreatedAt, escrow.CreatedAt);
        Assert.Equal(EscrowStatus.Funded, escrow.Status);
        Assert.Equal("0x" + new string('a', 64), escrow.CreateTransactionHash);
    }

    [Fact]
    public async Task Escrow_amount_round_trips_beyond_64_bits()
    {
        var id = await this.CreateAsync();
        var large = BigInteger.Pow(10, 27) + 123_456;

        await this.store.SaveEscrowAsync(NewEscrow(id, "340282366920938463463374607431768211457", large), CancellationToken.None);

        var escrow = (await this.store.FindAsync(id, CancellationToken.None))!.Escrow!;
        Assert.Equal(large, escrow.AmountBaseUnits);
        Assert.Equal("340282366920938463463374607431768211457", escrow.OnChainId);
    }

    [Fact]
    public async Task SaveEscrow_for_an_unknown_payment_throws()
    {
        await Assert.ThrowsAsync<PaymentNotFoundException>(() => this.store.SaveEscrowAsync(NewEscrow(PaymentId.New(), "1", 1), CancellationToken.None));
    }

    [Fact]
    public async Task UpdateEscrow_sets_status_and_given_hashes_and_keeps_the_others()
    {
        var id = await this.CreateAsync();
        await this.store.SaveEscrowAsync(NewEscrow(id, "3", 10), CancellationToken.None);

        await this.store.UpdateEscrowAsync(id, EscrowStatus.Disputed, null, null, CancellationToken.None);
        var disputed = (await this.store.FindAsync(id, CancellationToken.None))!.Escrow!;
        await this.store.UpdateEscrowAsync(id, EscrowStatus.Released, "0xrelease", null, CancellationToken.None);
        var released = (await this.store.FindAsync(id, CancellationToken.None))!.Escrow!;
        await this.store.UpdateEscrowAsync(id, EscrowStatus.Released, null, null, CancellationToken.None);
        var again = (await this.store.FindAsync(id, CancellationToken.None))!.Escrow!;

        Assert.Equal(EscrowStatus.Disputed, disputed.Status);
        Assert.Null(disputed.ReleaseTransactionHash);
        Assert.Equal(EscrowStatus.Released, released.Status);
        Assert.Equal("0xrelease", released.ReleaseTransactionHash);
        Assert.Null(released.RefundTransactionHash);
        Assert.Equal("0xrelease", again.ReleaseTransactionHash);
    }

    [Fact]
    public async Task UpdateEscrow_without_an_escrow_throws()
    {
        var id = await this.CreateAsync();

        await Assert.ThrowsAnyAsync<KeyNotFoundException>(() => this.store.UpdateEscrowAsync(id, EscrowStatus.Released, "0x1", null, CancellationToken.None));
    }

    [Fact]
    public async Task ListActiveEscrows_returns_funded_and_disputed_escrows_only()
    {
        var funded = await this.CreateAsync();
        var disputed = await this.CreateAsync();
        var released = await this.CreateAsync();
        var none = await this.CreateAsync();
        foreach (var id in new[] { funded, disputed, released })
        {
            await this.store.SaveEscrowAsync(NewEscrow(id, "9", 5), CancellationToken.None);
        }

        await this.store.UpdateEscrowAsync(disputed, EscrowStatus.Disputed, null, null, CancellationToken.None);
        await this.store.UpdateEscrowAsync(released, EscrowStatus.Released, "0x2", null, CancellationToken.None);

        var active = await this.store.ListActiveEscrowsAsync(CancellationToken.None);

        Assert.Contains(active, p => p.Id == funded && p.Escrow!.Status == EscrowStatus.Funded);
        Assert.Contains(active, p => p.Id == disputed && p.Escrow!.Status == EscrowStatus.Disputed);
        Assert.DoesNotContain(active, p => p.Id == released || p.Id == none);
    }

    private Task<string> CreateAsync() => db.CreatePaymentAsync();

    private static Escrow NewEscrow(string paymentId, string onChainId, BigInteger amount) => new()
    {
        PaymentId = paymentId,
        OnChainId = onChainId,
        ContractAddress = "0x" + new string('1', 40),
        PayerAddress = "0x" + new string('2', 40),
        PayeeAddress = "0x" + new string('3', 40),
        AmountBaseUnits = amount,
        ApproveTransactionHash = "0x" + new string('b', 64),
        CreateTransactionHash = "0x" + new string('a', 64),
        Status = EscrowStatus.Funded,
    };
}
