namespace PaymentFunctions.Payments.Ledger;

/// <summary>One side of a <see cref="LedgerTransaction"/>: positive is a debit (value in), negative a credit (value out).</summary>
public sealed class LedgerEntry
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>The transaction it belongs to.</summary>
    public long TransactionId { get; set; }

    /// <summary>A <see cref="LedgerAccount"/> name.</summary>
    public string Account { get; set; } = "";

    /// <summary>Signed MXN amount.</summary>
    public decimal Amount { get; set; }
}
