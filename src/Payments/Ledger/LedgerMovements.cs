namespace PaymentFunctions.Payments.Ledger;

/// <summary>The fixed direction of each <see cref="LedgerMovement"/> and the balanced entries a posting writes.</summary>
public static class LedgerMovements
{
    /// <summary>Where the movement takes value from and to.</summary>
    public static LedgerTransfer Transfer(this LedgerMovement movement) => movement switch
    {
        LedgerMovement.BuyerDeposit => new(LedgerAccount.BuyerBank, LedgerAccount.JunoMxn),
        LedgerMovement.MxnbIssued => new(LedgerAccount.JunoMxn, LedgerAccount.JunoMxnb),
        LedgerMovement.WithdrawnToBridge => new(LedgerAccount.JunoMxnb, LedgerAccount.BridgeMxnb),
        LedgerMovement.EscrowFunded => new(LedgerAccount.BridgeMxnb, LedgerAccount.EscrowMxnb),
        LedgerMovement.EscrowReleased => new(LedgerAccount.EscrowMxnb, LedgerAccount.JunoMxnb),
        LedgerMovement.EscrowRefunded => new(LedgerAccount.EscrowMxnb, LedgerAccount.BridgeMxnb),
        LedgerMovement.ReturnedToJuno => new(LedgerAccount.BridgeMxnb, LedgerAccount.JunoMxnb),
        LedgerMovement.Redeemed => new(LedgerAccount.JunoMxnb, LedgerAccount.JunoMxn),
        LedgerMovement.PaidOut => new(LedgerAccount.JunoMxn, LedgerAccount.SellerBank),
        LedgerMovement.RefundedToBuyer => new(LedgerAccount.JunoMxn, LedgerAccount.BuyerBank),
        _ => throw new ArgumentOutOfRangeException(nameof(movement), movement, "Unknown ledger movement."),
    };

    /// <summary>
    /// The two entries of one posting: + amount on the destination (debit), − amount on the source (credit),
    /// so every posting sums to zero. Amounts must be positive with at most two decimals.
    /// </summary>
    public static IReadOnlyList<LedgerEntry> Entries(this LedgerMovement movement, decimal amountMxn)
    {
        if (amountMxn <= 0m || decimal.Round(amountMxn, 2) != amountMxn)
        {
            throw new ArgumentOutOfRangeException(nameof(amountMxn), amountMxn, "A ledger amount is positive with at most two decimals.");
        }

        var transfer = movement.Transfer();
        return
        [
            new LedgerEntry { Account = transfer.To, Amount = amountMxn },
            new LedgerEntry { Account = transfer.From, Amount = -amountMxn },
        ];
    }
}
