using PaymentFunctions.Payments.Ledger;

namespace PaymentFunctions.Payments.Tests.Ledger;

public sealed class LedgerMovementsTests
{
    public static TheoryData<LedgerMovement, string, string> Directions => new()
    {
        { LedgerMovement.BuyerDeposit, "buyer:bank", "juno:mxn" },
        { LedgerMovement.MxnbIssued, "juno:mxn", "juno:mxnb" },
        { LedgerMovement.WithdrawnToBridge, "juno:mxnb", "bridge:mxnb" },
        { LedgerMovement.EscrowFunded, "bridge:mxnb", "escrow:mxnb" },
        { LedgerMovement.EscrowReleased, "escrow:mxnb", "juno:mxnb" },
        { LedgerMovement.EscrowRefunded, "escrow:mxnb", "bridge:mxnb" },
        { LedgerMovement.ReturnedToJuno, "bridge:mxnb", "juno:mxnb" },
        { LedgerMovement.Redeemed, "juno:mxnb", "juno:mxn" },
        { LedgerMovement.PaidOut, "juno:mxn", "seller:bank" },
        { LedgerMovement.RefundedToBuyer, "juno:mxn", "buyer:bank" },
    };

    [Theory]
    [MemberData(nameof(Directions))]
    public void Each_movement_credits_its_source_and_debits_its_destination(LedgerMovement movement, string from, string to)
    {
        Assert.Equal(new LedgerTransfer(from, to), movement.Transfer());

        var entries = movement.Entries(10.25m);

        Assert.Equal(2, entries.Count);
        Assert.Equal(10.25m, Assert.Single(entries, e => e.Account == to).Amount);
        Assert.Equal(-10.25m, Assert.Single(entries, e => e.Account == from).Amount);
        Assert.Equal(0m, entries.Sum(e => e.Amount));
    }

    [Fact]
    public void Every_movement_is_covered()
    {
        Assert.Equal(Enum.GetValues<LedgerMovement>().Length, Directions.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(1.005)]
    public void Entries_refuse_amounts_that_are_not_positive_centavos(double amount)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LedgerMovement.PaidOut.Entries((decimal)amount));
    }

    [Fact]
    public void Internal_accounts_are_the_platforms_own()
    {
        Assert.Equal(
            ["juno:mxn", "juno:mxnb", "bridge:mxnb", "escrow:mxnb"],
            LedgerAccount.All.Where(LedgerAccount.IsInternal));
    }
}
